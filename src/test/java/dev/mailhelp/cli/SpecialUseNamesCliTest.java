package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.domain.DomainReport;
import dev.mailhelp.diagnosis.domain.DomainScenarios;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue #12 item 3: special-use names are recognised before any DNS query, everywhere a name is
 * taken on the command line: one sentence, exit 2, nothing asked of the DNS server, no connection.
 */
class SpecialUseNamesCliTest {

    static TestDnsServer dns;
    static LocalPolicyServer https;

    @BeforeAll
    static void start() throws Exception {
        dns = TestDnsServer.start();
        https = DomainScenarios.policyServer();
    }

    @AfterAll
    static void stop() {
        https.close();
        dns.close();
    }

    private record Run(int exit, String out, String err) { }

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static CheckDomainCommand domainCommand() {
        return new CheckDomainCommand(server -> DomainScenarios.report(ScenarioDns.client(dns.address()), https,
                DomainReport.DEFAULT_DEADLINE), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "mail.localhost", "printer.local", "nas.home.arpa", "corp.internal",
        "hidden.onion", "thing.alt", "nothing.invalid"})
    void checkDomainRefusesWithoutAQuery(String name) {
        dns.clearQueryLog();
        StringWriter err = new StringWriter();
        CheckDomainCommand command = new CheckDomainCommand(server -> DomainScenarios.report(ScenarioDns.client(dns.address()),
                https, DomainReport.DEFAULT_DEADLINE), new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCode.USAGE, cl.execute(name, "--dns", dns.hostPort(), "--selector", "s1"));
        assertTrue(err.toString().contains(name), err.toString());
        assertTrue(err.toString().contains("Give "), "says what to give instead: " + err);
        assertEquals(1, err.toString().strip().lines().count(), "one sentence: " + err);
        assertEquals(0, dns.queryCount(), "no query reached the DNS server");
    }

    @Test
    void checkSmtpRefusesLocalhostWithoutAQueryOrAConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            Set<Integer> ports = new HashSet<>(AddressGuard.MAIL_PORTS);
            ports.add(listener.getLocalPort());
            dev.mailhelp.Wiring root = new dev.mailhelp.Wiring(new dev.mailhelp.config.Environment(Map.of("MAILHELP_ALLOW_PRIVATE", "true")),
                    java.nio.file.Path.of("").toAbsolutePath(), dev.mailhelp.Wiring.Parts.defaults().withMailPorts(ports));
            dns.clearQueryLog();
            for (String target : new String[] {"localhost:" + listener.getLocalPort(), "smtp.corp.internal:587",
                "mailserver.local", "LOCALHOST."}) {
                Run r = run(new CheckSmtpCommand(root), target, "--dns", dns.hostPort(), "--allow-private");
                assertEquals(ExitCode.USAGE, r.exit(), target + ": " + r.out() + r.err());
                assertFalse(r.err().contains("NXDOMAIN") || r.out().contains("NXDOMAIN"), r.err());
            }
            assertEquals(0, dns.queryCount(), "no query reached the DNS server");
            boolean connected;
            try {
                listener.accept().close();
                connected = true;
            } catch (SocketTimeoutException e) {
                connected = false;
            }
            assertFalse(connected, "no connection was made to localhost");
        }
    }

    @Test
    void spfRefusesASpecialUseSenderOrHeloWithoutAQuery() {
        dns.clearQueryLog();
        SpfCommand spf = new SpfCommand(server -> new AsyncDnsClient(DnsSettings.forServer(dns.address())),
                new ByteArrayInputStream(new byte[0]));
        Run sender = run(spf, "--ip", "192.0.2.1", "--sender", "alice@printer.local", "--dns", dns.hostPort());
        assertEquals(ExitCode.USAGE, sender.exit(), sender.out() + sender.err());
        assertTrue(sender.err().contains(".local"), sender.err());
        Run helo = run(new SpfCommand(server -> new AsyncDnsClient(DnsSettings.forServer(dns.address())),
                new ByteArrayInputStream(new byte[0])), "--ip", "192.0.2.1", "--sender", "", "--helo", "localhost",
                "--dns", dns.hostPort());
        assertEquals(ExitCode.USAGE, helo.exit(), helo.out() + helo.err());
        assertTrue(helo.err().contains("this very computer"), helo.err());
        assertEquals(0, dns.queryCount(), "no query reached the DNS server");
    }

    @Test
    void zoneIdsAreRefusedInPlainWords() {
        Run spf = run(new SpfCommand(server -> new AsyncDnsClient(DnsSettings.forServer(dns.address())),
                new ByteArrayInputStream(new byte[0])), "--ip", "fe80::1%lo", "--sender", "a@example.com");
        assertEquals(ExitCode.USAGE, spf.exit());
        assertTrue(spf.err().contains("network interface"), spf.err());
        assertFalse(spf.err().contains("No such interface"), spf.err());
        Run ip = run(new CheckIpCommand(new dev.mailhelp.Wiring(new dev.mailhelp.config.Environment(Map.of()),
                java.nio.file.Path.of("").toAbsolutePath())::blocklistChecker), "fe80::1%eth0", "--dns", dns.hostPort());
        assertEquals(ExitCode.USAGE, ip.exit());
        assertTrue(ip.err().contains("network interface"), ip.err());
        assertFalse(ip.err().contains("No such interface"), ip.err());
    }

    @Test
    void batchAnswersEveryLineIncludingEmptyOnes() {
        String lines = "192.0.2.1\tmail.example.com\ta@example.com\n\n   \nnot-an-ip\tx\ty\n\t\n192.0.2.1\t\t\n";
        Run r = run(new SpfCommand(server -> new AsyncDnsClient(DnsSettings.forServer(dns.address())
                .withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(0)),
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))), "--batch", "--timeout", "3");
        assertEquals(6, r.out().lines().count(), "one word per input line: " + r.out() + r.err());
        assertEquals(java.util.List.of("error", "error", "error", "error", "error"), r.out().lines().skip(1).toList(), r.out());
        assertEquals(ExitCode.USAGE, r.exit());
    }

    @Test
    void theSentenceIsInTheLanguageAsked() {
        dns.clearQueryLog();
        StringWriter err = new StringWriter();
        CheckDomainCommand command = new CheckDomainCommand(server -> DomainScenarios.report(ScenarioDns.client(dns.address()),
                https, DomainReport.DEFAULT_DEADLINE), new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCode.USAGE, cl.execute("localhost", "--lang", "zh-TW", "--dns", dns.hostPort()));
        assertTrue(err.toString().contains("這台電腦"), err.toString());
        assertEquals(0, dns.queryCount());
    }
}
