package dev.mailhelp;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mailhelp.config.Environment;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** The command line runs on one root built from one environment: {@code .env} counts for every command. */
class OneRootTest {

    private TestDnsServer dns;

    @TempDir
    Path workingDir;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        dns.addRecord(record("example.test. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
        dns.addRecord(record("example.test. 300 IN MX 10 mx.example.test."));
        dns.addRecord(record("mx.example.test. 300 IN A 192.0.2.25"));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private record Run(int exit, String out, String err) { }

    private Run run(Map<String, String> processEnv, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, workingDir, processEnv, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void spfAsksTheResolverThatDotEnvNames() throws Exception {
        Files.writeString(workingDir.resolve(".env"), "MAILHELP_DNS=" + dns.hostPort() + "\n");
        Run r = run(Map.of(), "spf", "--ip", "192.0.2.10", "--sender", "alice@example.test", "--timeout", "5");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("pass", r.out().lines().findFirst().orElse(""), r.out());
        assertEquals(1, dns.queryCount(name("example.test"), Type.TXT), "the record came from the .env resolver");
    }

    @Test
    void theProcessEnvironmentWinsOverDotEnv() throws Exception {
        Files.writeString(workingDir.resolve(".env"), "MAILHELP_DNS=127.0.0.1:9\n");
        Run r = run(Map.of("MAILHELP_DNS", dns.hostPort()), "spf", "--ip", "192.0.2.99", "--sender", "bob@example.test");
        assertEquals("pass", r.out().lines().findFirst().orElse(""), r.out() + r.err());
    }

    @Test
    void theDomainReportAndItsSmtpProbeShareOneResolverAndItsCache() {
        Wiring root = new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort())), workingDir);
        assertSame(root.dns(), root.dns(Optional.empty()));
        root.domainReport(Optional.empty()).run(
                new dev.mailhelp.diagnosis.domain.DomainRequest(dev.mailhelp.diagnosis.domain.DomainName.parse("example.test"),
                        java.util.List.of(), java.util.List.of()), (part, done, total, findings) -> { })
                .toCompletableFuture().join();
        int mxQueries = dns.queryCount(name("example.test"), Type.MX);
        // The --probe-smtp part finds the MX hosts again: from the cache the report filled.
        root.mxSmtpProbe(Optional.empty()).check("example.test").toCompletableFuture().join();
        assertEquals(mxQueries, dns.queryCount(name("example.test"), Type.MX));
    }
}
