package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.diagnosis.blocklist.BlocklistSettings;
import dev.mailhelp.diagnosis.smtp.HostResolutionException;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.Script;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.StartTls;
import dev.mailhelp.testsmtp.TestCertificates;
import dev.mailhelp.texts.EnglishScanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue #13's done-when for the IP and SMTP checks: {@code check ip} and {@code check smtp} with
 * {@code --lang zh-TW}, as text and as JSON (message, fix and the part for the server admin), contain
 * no run of English words outside record text, host names, protocol keywords and the names of the
 * blocklists; the report is made over real faults: listed addresses, lists that refuse or time out,
 * and real SMTP servers on 127.0.0.1 that offer AUTH before TLS, refuse STARTTLS, use a self-signed
 * certificate, hang up, greet too late, or are not there at all. Evidence (what was seen: records,
 * server replies) is shown verbatim in every language and is not scanned.
 */
class ZhTwCheckReportsTest {

    private static final List<ScriptedSmtpServer> SERVERS = new ArrayList<>();
    private static TestCertificates certs;
    private static ScriptedSmtpServer plaintextAuth;
    private static ScriptedSmtpServer startTlsRefused;
    private static ScriptedSmtpServer selfSigned;
    private static ScriptedSmtpServer hangsUp;
    private static ScriptedSmtpServer slow;
    private static ScriptedSmtpServer implicitOnPlainPort;
    private static ScriptedSmtpServer healthy;
    private static int closedPort;
    private static TestDnsServer dns;

    @BeforeAll
    static void start() throws Exception {
        certs = new TestCertificates();
        plaintextAuth = serve(Script.plain("220 old ESMTP", List.of("AUTH PLAIN LOGIN", "SIZE 10485760")));
        startTlsRefused = serve(Script.starttls(certs.signed("127.0.0.1"), List.of(), List.of("AUTH PLAIN"))
                .withStartTls(StartTls.REFUSED_454));
        selfSigned = serve(Script.starttls(TestCertificates.selfSigned("127.0.0.1"), List.of(), List.of("AUTH PLAIN")));
        hangsUp = serve(Script.plain("220 flaky ESMTP", List.of()).withCloseOnEhlo());
        slow = serve(Script.plain("220 slow ESMTP", List.of("AUTH PLAIN")).withGreetingDelay(Duration.ofSeconds(3)));
        implicitOnPlainPort = serve(Script.implicit(certs.signed("127.0.0.1"), List.of("AUTH PLAIN")));
        healthy = serve(Script.starttls(certs.signed("127.0.0.1"), List.of(), List.of("AUTH XOAUTH2")));
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        dns = TestDnsServer.startWithTestZones();
    }

    private static ScriptedSmtpServer serve(Script script) throws Exception {
        ScriptedSmtpServer s = new ScriptedSmtpServer(script);
        SERVERS.add(s);
        return s;
    }

    @AfterAll
    static void stop() throws Exception {
        for (ScriptedSmtpServer s : SERVERS) {
            s.close();
        }
        dns.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run smtp(String... args) {
        // Some servers here never greet, so the read limit is waited for: 2 s, still ample for the others'
        // answers and handshakes on a loaded machine. The slow server's 3 s greeting is "slow" or "none" (both count).
        ProbeSettings settings = ProbeSettings.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(30)).withTrust(certs.trust());
        Set<Integer> ports = new HashSet<>(Set.of(25, 465, 587, 2525, closedPort));
        SERVERS.forEach(s -> ports.add(s.port()));
        Wiring.Parts parts = Wiring.Parts.defaults().withProbeSettings(settings).withMailPorts(ports)
                .withHostResolver(name -> name.equals("private.mailhelp.test")
                        ? CompletableFuture.completedFuture(List.of(address("192.168.1.20")))
                        : CompletableFuture.failedFuture(new HostResolutionException(
                        HostResolutionException.Kind.NOT_FOUND, "The name " + name + " was not found.")));
        return run(new CheckSmtpCommand(new Wiring(new Environment(Map.of()), Path.of("").toAbsolutePath(), parts)), args);
    }

    private static Run ip(String... args) {
        BlocklistSettings settings = BlocklistSettings.defaults().withNonPublicAddressesAllowed(true);
        return run(new CheckIpCommand(new Wiring(new Environment(Map.of()), Path.of("").toAbsolutePath(),
                Wiring.Parts.defaults().withBlocklistSettings(settings))::blocklistChecker), args);
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The proper names of the blocklists and services, which stay as they are (like host names). */
    private static String withoutListNames(String text) {
        return dev.mailhelp.texts.ServiceNames.strip(text);
    }

    /** The English runs of a zh-TW report, run as text and as JSON; also returns the codes seen. */
    private static List<String> englishIn(java.util.function.Function<String[], Run> command, Set<String> codes,
                                          String... args) throws Exception {
        List<String> english = new ArrayList<>();
        String[] jsonArgs = concat(args, "--lang", "zh-TW", "--json");
        Run json = command.apply(jsonArgs);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("zh-TW", root.get("lang").asText(), json.out() + json.err());
        for (JsonNode f : root.get("findings")) {
            codes.add(f.get("code").asText());
            for (String field : new String[] {"message", "fix", "admin"}) {
                EnglishScanner.englishRuns(withoutListNames(f.get(field).asText()))
                        .forEach(r -> english.add(String.join(" ", args) + " " + f.get("code").asText() + " " + field + ": " + r));
            }
        }
        Run text = command.apply(concat(args, "--lang", "zh-TW"));
        // What was seen (records, server replies) is verbatim: the "所見：" line and its continuation lines.
        List<String> shown = new ArrayList<>();
        boolean inEvidence = false;
        for (String line : text.out().split("\n")) {
            if (line.startsWith("        所見：")) {
                inEvidence = true;
                continue;
            }
            if (inEvidence && line.startsWith("              ")) {
                continue;
            }
            inEvidence = false;
            shown.add(line);
        }
        EnglishScanner.englishRuns(withoutListNames(String.join("\n", shown) + "\n" + text.err()))
                .forEach(r -> english.add(String.join(" ", args) + " text: " + r));
        return english;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void checkSmtpInTraditionalChineseHasNoEnglishSentence() throws Exception {
        Set<String> codes = new java.util.TreeSet<>();
        List<String> english = new ArrayList<>();
        for (String target : List.of("127.0.0.1:" + plaintextAuth.port(), "127.0.0.1:" + startTlsRefused.port(),
                "127.0.0.1:" + selfSigned.port(), "127.0.0.1:" + hangsUp.port(), "127.0.0.1:" + slow.port(),
                "127.0.0.1:" + implicitOnPlainPort.port(), "127.0.0.1:" + healthy.port(), "127.0.0.1:" + closedPort)) {
            english.addAll(englishIn(ZhTwCheckReportsTest::smtp, codes, target, "--allow-private"));
        }
        // Refused before any connection: a private address, a port that is not a mail port, a name that does not exist.
        english.addAll(englishIn(ZhTwCheckReportsTest::smtp, codes, "private.mailhelp.test:587"));
        english.addAll(englishIn(ZhTwCheckReportsTest::smtp, codes, "127.0.0.1:8080"));
        english.addAll(englishIn(ZhTwCheckReportsTest::smtp, codes, "nosuch.mailhelp.test:587"));
        assertEquals(List.of(), english);
        // The run covered the faults it is meant to cover.
        assertTrue(codes.containsAll(List.of("smtp.auth-before-tls", "smtp.no-tls", "smtp.starttls-refused",
                "smtp.cert-self-signed", "smtp.probe-failed", "smtp.implicit-tls-on-starttls-port", "smtp.oauth-only",
                "smtp.connection-refused", "smtp.target-refused", "smtp.host-not-found", "smtp.size", "smtp.ehlo")), codes.toString());
        assertTrue(codes.contains("smtp.slow-greeting") || codes.contains("smtp.no-greeting"), codes.toString());
    }

    @Test
    void theAdminPartIsInTheUsersLanguageAndApartFromTheSentence() {
        Run r = smtp("private.mailhelp.test:587", "--lang", "zh-TW");
        String sentence = r.out().lines().filter(l -> l.contains("(smtp.target-refused)")).findFirst().orElseThrow();
        assertTrue(sentence.contains("私人網路位址"), sentence);
        assertFalse(sentence.contains("allow-private"), sentence);
        String admin = r.out().lines().filter(l -> l.startsWith("        管理員：")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(admin.contains("--allow-private") && admin.contains("自行執行 mailhelp"), admin);
    }

    @Test
    void checkIpInTraditionalChineseHasNoEnglishSentence() throws Exception {
        Set<String> codes = new java.util.TreeSet<>();
        List<String> english = new ArrayList<>();
        dns.setFault(TestDnsServer.name("20.2.0.192.bl.spamcop.net"), TestDnsServer.Fault.DROP);
        for (String address : List.of("192.0.2.12", "192.0.2.10", "192.0.2.200", "192.0.2.15", "198.51.100.11",
                "192.0.2.1", "192.0.2.20", "2001:db8::10")) {
            english.addAll(englishIn(ZhTwCheckReportsTest::ip, codes, address, "--dns", dns.hostPort()));
        }
        assertEquals(List.of(), english);
        assertTrue(codes.containsAll(List.of("blocklist.listed", "blocklist.not-listed")), codes.toString());
    }
}
