package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import java.nio.file.Path;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.Script;
import dev.mailhelp.testsmtp.TestCertificates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CheckSmtpCommandTest {

    private static TestCertificates certs;
    private static ScriptedSmtpServer healthy;
    private static ScriptedSmtpServer plaintextAuth;

    @BeforeAll
    static void start() throws Exception {
        certs = new TestCertificates();
        healthy = new ScriptedSmtpServer(Script.starttls(certs.signed("127.0.0.1"), List.of(), List.of("AUTH PLAIN LOGIN")));
        plaintextAuth = new ScriptedSmtpServer(Script.plain("220 old ESMTP", List.of("AUTH PLAIN LOGIN")));
    }

    @AfterAll
    static void stop() throws Exception {
        healthy.close();
        plaintextAuth.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        // the local servers answer at once: generous limits, so that a loaded machine cannot make them look slow or silent
        ProbeSettings settings = ProbeSettings.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30)).withTrust(certs.trust());
        // The system resolver is replaced: a name lookup in a test must never leave the machine.
        Wiring.Parts parts = Wiring.Parts.defaults().withProbeSettings(settings)
                .withMailPorts(Set.of(25, 465, 587, 2525, healthy.port(), plaintextAuth.port()))
                .withHostResolver(name -> name.equals("loop.test")
                        ? CompletableFuture.completedFuture(List.of(InetAddress.getLoopbackAddress()))
                        : CompletableFuture.failedFuture(new dev.mailhelp.diagnosis.smtp.HostResolutionException(
                        dev.mailhelp.diagnosis.smtp.HostResolutionException.Kind.NOT_FOUND, "The name " + name + " was not found.")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CheckSmtpCommand(new Wiring(new Environment(env), Path.of("").toAbsolutePath(), parts)));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void healthyServerExitsZero() {
        Run r = run("127.0.0.1:" + healthy.port(), "--allow-private");
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("all fine"), r.out());
        assertTrue(r.out().contains("smtp.auth"), r.out());
    }

    @Test
    void problemsExitOneAndJsonHasTheSharedShape() throws Exception {
        Run r = run("127.0.0.1:" + plaintextAuth.port(), "--allow-private", "--json");
        assertEquals(ExitCode.PROBLEMS, r.code(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("127.0.0.1:" + plaintextAuth.port(), json.get("target").asText());
        boolean sawAuthBeforeTls = false;
        for (JsonNode f : json.get("findings")) {
            assertEquals("smtp", f.get("check").asText());
            sawAuthBeforeTls |= f.get("code").asText().equals("smtp.auth-before-tls") && f.get("severity").asText().equals("fail");
        }
        assertTrue(sawAuthBeforeTls, r.out());
        assertTrue(json.get("elapsedMs").asLong() >= 0);
    }

    @Test
    void environmentSwitchAllowsPrivateTargets() {
        Run r = run(Map.of("MAILHELP_ALLOW_PRIVATE", "true"), "127.0.0.1:" + healthy.port());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
    }

    @Test
    void refusedTargetsExitTwoAndConnectNothing() {
        int before = healthy.accepted();
        for (String target : List.of("127.0.0.1:" + healthy.port(), "2130706433:" + healthy.port(),
                "0x7f.1:" + healthy.port(), "[::ffff:127.0.0.1]:" + healthy.port(), "loop.test:" + healthy.port(),
                "169.254.169.254:587", "10.0.0.1:25", "[fe80::1]:587")) {
            Run r = run(target);
            assertEquals(ExitCode.USAGE, r.code(), target + ": " + r.out() + r.err());
            assertTrue(r.out().contains("smtp.target-refused"), r.out());
            assertTrue(r.out().contains("mail servers on the public internet"), r.out());
        }
        Run port = run("127.0.0.1:8080", "--allow-private");
        assertEquals(ExitCode.USAGE, port.code());
        assertTrue(port.out().contains("8080 is not one of them"), port.out());
        assertEquals(before, healthy.accepted(), "a refused target must not be connected to");
    }

    @Test
    void asPicocliBuildsItTheCommandConfiguresItselfAndStillRefuses() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CommandFactory.commandLine(new Wiring(new Environment(Map.of()), Path.of("").toAbsolutePath()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(ExitCode.USAGE, cl.execute("check", "smtp", "169.254.169.254:587", "--knowledge", "knowledge", "--json"));
        assertTrue(out.toString().contains("smtp.target-refused"), out + " " + err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp://smtp.gmail.com", "me@example.com", "host:99999", "256.0.0.1", "[::1"})
    void badInputExitsTwoWithAMessageAndNoStackTrace(String target) {
        Run r = run(target);
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().startsWith("mailhelp check smtp: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void badDnsOptionExitsTwo() {
        Run r = run("smtp.example.com", "--dns", "dns.example.com:53");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("not an IP address"), r.err());
        Run port = run("smtp.example.com", "--dns", "127.0.0.1:x");
        assertEquals(ExitCode.USAGE, port.code());
    }

    @Test
    void dnsOptionResolvesThroughTheGivenServer() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.addZone(TestDnsServer.name("test."), List.of(TestDnsServer.record("mail.test. 60 IN A 127.0.0.1"),
                    TestDnsServer.record("internal.test. 60 IN A 192.168.1.20")));
            Run r = run("mail.test:" + healthy.port(), "--allow-private", "--dns", dns.hostPort());
            // The certificate is for 127.0.0.1, so the name mail.test does not match it: a problem, found for real.
            assertEquals(ExitCode.PROBLEMS, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("mail.test resolves to 127.0.0.1"), r.out());
            assertTrue(r.out().contains("smtp.cert-wrong-name"), r.out());
            int before = healthy.accepted();
            Run refused = run("internal.test:587", "--dns", dns.hostPort());
            assertEquals(ExitCode.USAGE, refused.code(), refused.out());
            assertTrue(refused.out().contains("internal.test points to 192.168.1.20, which is a private network address"), refused.out());
            String sentence = refused.out().lines().filter(l -> l.contains("(smtp.target-refused)")).findFirst().orElseThrow();
            assertFalse(sentence.contains("allow-private"), "the option is for the admin part, not the sentence: " + sentence);
            assertTrue(refused.out().contains("admin: To test a server on your own network"), refused.out());
            assertEquals(before, healthy.accepted());
        }
    }

    @Test
    void unknownNameIsAProblemNotACrash() {
        Run r = run("nothing.test:587");
        assertEquals(ExitCode.PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("smtp.host-not-found"), r.out());
    }
}
