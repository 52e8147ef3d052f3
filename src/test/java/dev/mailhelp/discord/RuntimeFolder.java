package dev.mailhelp.discord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The self-contained runtime folder, built once per test run by the same script as
 * {@code mvn -Pruntime package} (src/runtime/build-runtime.sh) from the jar the build just made.
 */
final class RuntimeFolder {

    static final Path FOLDER = Path.of("target", "mailhelp-runtime");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static boolean built;

    private RuntimeFolder() {
    }

    /** The folder's {@code bin/mailhelp}, building the folder first if this run has not. */
    static synchronized Path launcher() throws IOException, InterruptedException {
        // -Dmailhelp.runtime.reuse=true (development only) keeps a folder built before.
        if (Boolean.getBoolean("mailhelp.runtime.reuse") && Files.isExecutable(FOLDER.resolve("bin").resolve("mailhelp"))) {
            built = true;
        }
        if (!built) {
            Path jar = Path.of("target", "mailhelp.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the runtime tests run after 'package' (mvn verify)");
            }
            Path log = Files.createTempFile("mailhelp-runtime-build", ".log");
            Process build = new ProcessBuilder("bash", "src/runtime/build-runtime.sh", jar.toString(), "knowledge", FOLDER.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                build.destroyForcibly();
                throw new IllegalStateException("building the runtime folder took over " + BUILD_TIMEOUT + ": " + Files.readString(log));
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException("building the runtime folder failed: " + Files.readString(log));
            }
            built = true;
        }
        return FOLDER.resolve("bin").resolve("mailhelp").toAbsolutePath();
    }
}
