package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that negotiates TLS 1.0 or 1.1. JDK 17 refuses both JVM-wide (client and server), and
 * re-enabling them is a JVM-global security property that must not leak into the other tests, so
 * this runs the server and the probe in a child JVM with the property changed.
 */
class LegacyTlsTest {

    @TempDir
    Path dir;

    private String runChild(String protocol) throws IOException, InterruptedException {
        Path security = dir.resolve("legacy-tls.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, DH keySize < 1024, "
                + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djava.security.properties=" + security,
                "-D" + dev.mailhelp.input.SpecialUseName.LAB_PROPERTY + "=true",
                "-cp", System.getProperty("java.class.path"), LegacyTlsProbeMain.class.getName(), protocol)
                .redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void negotiatedTls10And11AreReportedAsOld() throws Exception {
        for (String protocol : List.of("TLSv1", "TLSv1.1")) {
            String out = runChild(protocol);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("smtp.tls-old-version warn " + protocol + " ")), out);
        }
    }
}
