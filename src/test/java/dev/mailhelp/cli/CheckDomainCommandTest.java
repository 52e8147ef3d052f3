package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.domain.DomainReport;
import dev.mailhelp.diagnosis.domain.DomainScenarios;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code check domain} end to end: picocli parsing, the report over the test DNS server, output and exit codes. */
class CheckDomainCommandTest {

    static TestDnsServer server;
    static LocalPolicyServer https;

    @BeforeAll
    static void start() throws Exception {
        server = TestDnsServer.startWithTestZones();
        https = DomainScenarios.policyServer();
    }

    @AfterAll
    static void stop() {
        https.close();
        server.close();
    }

    record Run(int exit, String out, String err, Optional<InetSocketAddress> dns) {
    }

    private final List<String> probedDomains = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<Optional<InetSocketAddress>> asked = new AtomicReference<>();
        CheckDomainCommand command = new CheckDomainCommand(dns -> {
            asked.set(dns);
            // The test resolver stands in for the default; --dns must name the test server.
            return DomainScenarios.report(ScenarioDns.client(dns.orElse(server.address())), https, DomainReport.DEFAULT_DEADLINE);
        }, dns -> domain -> {
            probedDomains.add(domain);
            // What the MX probe reports is tested in MxSmtpProbeTest; here: that the command adds it.
            return java.util.concurrent.CompletableFuture.completedFuture(List.of(new dev.mailhelp.diagnosis.Finding("smtp",
                    dev.mailhelp.diagnosis.Severity.OK, "smtp.port-open", "mx.good.test: port 25 answers", "", "", "")));
        }, new PrintWriter(out), new PrintWriter(err));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString(), asked.get());
    }

    @Test
    void jsonHasTheShapeOfIssue3() throws Exception {
        Run r = run("good.test", "--dns", server.hostPort(), "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(Optional.of(server.address()), r.dns());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("good.test", root.get("target").asText());
        assertTrue(root.get("elapsedMs").isNumber());
        JsonNode first = root.get("findings").get(0);
        for (String key : new String[] {"check", "severity", "code", "message", "evidence", "fix", "article"}) {
            assertTrue(first.has(key), key + " in " + first);
        }
        assertFalse(r.err().contains("checked"), "no progress lines around JSON: " + r.err());
    }

    @Test
    void textReportWithProgressAndExitCodeForProblems() {
        Run r = run("nodmarc.test", "--dns", server.hostPort());
        assertEquals(ExitCode.PROBLEMS, r.exit());
        assertTrue(r.out().contains("dmarc.missing"), r.out());
        assertTrue(r.out().contains("_dmarc.nodmarc.test. IN TXT \"v=DMARC1; p=none;"), r.out());
        assertTrue(r.err().contains("checked dmarc"), r.err());
        assertTrue(r.err().contains("(8/8)"), r.err());
    }

    @Test
    void selectorsRepeatedOrCommaSeparated() {
        Run r = run("good.test", "--dns", server.hostPort(), "--selector", "google", "--selector", "s1,s2", "--json");
        assertTrue(r.out().contains("s1._domainkey.good.test"), r.out());
        assertTrue(r.out().contains("s2._domainkey.good.test"), r.out());
        assertEquals(ExitCode.PROBLEMS, r.exit(), "s1 and s2 have no key");
    }

    @Test
    void idnInputIsConverted() {
        Run r = run("Bücher.good.test", "--dns", server.hostPort(), "--json");
        assertTrue(r.out().contains("\"target\" : \"bücher.good.test (xn--bcher-kva.good.test)\""), r.out());
    }

    @Test
    void badInputIsExit2WithAPreciseMessage() {
        Run email = run("alice@good.test");
        assertEquals(ExitCode.USAGE, email.exit());
        assertTrue(email.err().contains("the part after @: good.test"), email.err());
        assertEquals(null, email.dns(), "nothing was checked");
        Run ip = run("192.0.2.1");
        assertEquals(ExitCode.USAGE, ip.exit());
        assertTrue(ip.err().contains("is an IP address"), ip.err());
        Run label = run("a".repeat(64) + ".test");
        assertEquals(ExitCode.USAGE, label.exit());
        assertTrue(label.err().contains("may have at most 63"), label.err());
        Run dns = run("good.test", "--dns", "resolver.example");
        assertEquals(ExitCode.USAGE, dns.exit());
        assertTrue(dns.err().contains("is not a DNS server"), dns.err());
        Run selector = run("good.test", "--selector", "a b");
        assertEquals(ExitCode.USAGE, selector.exit());
        assertEquals(ExitCode.USAGE, run().exit(), "no domain");
        assertEquals(ExitCode.USAGE, run("good.test", "--bogus").exit());
    }

    @Test
    void couldNotCheckIsExit3() {
        server.setFault(TestDnsServer.Fault.SERVFAIL);
        try {
            Run r = run("good.test", "--dns", server.hostPort());
            assertEquals(ExitCode.COULD_NOT_CHECK, r.exit(), r.out());
            assertTrue(r.out().contains("could not be completed"), r.out());
        } finally {
            server.clearFaults();
        }
    }

    @Test
    void probeSmtpAddsTheMxProbeOnlyWhenAsked() {
        Run plain = run("good.test", "--dns", server.hostPort());
        assertEquals(List.of(), probedDomains, "a DNS check connects to no mail server");
        assertTrue(!plain.out().contains("port 25 answers"), plain.out());
        Run r = run("good.test", "--dns", server.hostPort(), "--probe-smtp");
        assertEquals(List.of("good.test"), probedDomains);
        assertTrue(r.out().contains("[smtp]") && r.out().contains("mx.good.test: port 25 answers"), r.out());
        assertEquals(0, r.exit());
    }

    /** Issue #13: a zh-TW report has no English sentence, only record text, host names and protocol keywords. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"good.test", "weak.test", "nodmarc.test", "mx.test",
            "dkim.test", "dmarc.test", "ptr.test", "mtasts.test", "reports.test", "missing.test"})
    void zhTwReportsHaveNoEnglishSentence(String domain) throws Exception {
        Run json = run(domain, "--dns", server.hostPort(), "--json", "--lang", "zh-TW");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("zh-TW", root.get("lang").asText());
        List<String> english = new java.util.ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            for (String field : new String[] {"message", "fix"}) {
                dev.mailhelp.texts.EnglishScanner.englishRuns(f.get(field).asText())
                        .forEach(run -> english.add(f.get("code").asText() + " " + field + ": " + run));
            }
            assertTrue(f.has("values"), "JSON keeps the values: " + f);
        }
        Run text = run(domain, "--dns", server.hostPort(), "--lang", "zh-TW");
        // Evidence (the records and replies seen) is shown verbatim; everything else is scanned.
        String shown = java.util.Arrays.stream(text.out().split("\n"))
                .filter(l -> !l.startsWith("        所見：") && !l.startsWith("              "))
                .collect(java.util.stream.Collectors.joining("\n"));
        dev.mailhelp.texts.EnglishScanner.englishRuns(shown + "\n" + text.err()).forEach(run -> english.add("text: " + run));
        assertEquals(List.of(), english, text.out());
    }

    @Test
    void langComesFromTheEnvironmentAndBadLanguagesAreRefused() {
        assertEquals("zh-TW", Language.fromEnvironment(java.util.Map.of("LANG", "zh_TW.UTF-8")));
        assertEquals("zh-TW", Language.fromEnvironment(java.util.Map.of("LC_ALL", "zh_TW", "LANG", "en_US.UTF-8")));
        assertEquals("en", Language.fromEnvironment(java.util.Map.of("LANG", "C.UTF-8")));
        assertEquals("en", Language.fromEnvironment(java.util.Map.of()));
        Run r = run("good.test", "--dns", server.hostPort(), "--lang", "fr");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--lang fr") && r.err().contains("zh-TW"), r.err());
    }
}
