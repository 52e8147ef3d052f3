package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.Script;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.StartTls;
import dev.mailhelp.testsmtp.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault produced by the scripted server and diagnosed from the real probe's result. */
class SmtpDiagnosisTest {

    private static TestCertificates certs;
    private static ProbeFixture fixture;
    private static final SmtpDiagnosis DIAGNOSIS = new SmtpDiagnosis(KnowledgeProviders.guide(), ProbeFixture.ANSWERING.slowGreeting());

    @BeforeAll
    static void setUp() {
        certs = new TestCertificates();
        fixture = new ProbeFixture();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private static List<Finding> diagnose(Script script, String host, PortRole role) throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(script)) {
            return diagnose(server.port(), host, role);
        }
    }

    /** A server that never greets, probed with the short read limit the test waits for. */
    private static List<Finding> diagnoseSilent(PortRole role) throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.plain(null, List.of()))) {
            return diagnose(fixture.probe(ProbeFixture.SILENT.withTrust(certs.trust()), server.port()), server.port(),
                    "127.0.0.1", role);
        }
    }

    private static List<Finding> diagnose(int port, String host, PortRole role) {
        return diagnose(fixture.probe(certs.trust(), port), port, host, role);
    }

    private static List<Finding> diagnose(SmtpProbe probe, int port, String host, PortRole role) {
        SmtpProbeResult r = probe.probe(ProbeFixture.request(host + ":" + port, new PortPlan(port, role)), p -> { })
                .toCompletableFuture().join();
        return dev.mailhelp.texts.ShippedTexts.english(DIAGNOSIS.diagnose(r));
    }

    private static Finding find(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow(() ->
                new AssertionError("no " + code + " in " + findings.stream().map(f -> f.code() + "/" + f.severity())
                        .collect(Collectors.joining(", "))));
    }

    private static void assertAbsent(List<Finding> findings, String code) {
        assertTrue(findings.stream().noneMatch(f -> f.code().equals(code)), code + " should not be in " + findings);
    }

    private static void assertWellFormed(List<Finding> findings) {
        for (Finding f : findings) {
            assertEquals("smtp", f.check());
            if (f.severity().isProblem()) {
                assertFalse(f.fix().isEmpty(), "a problem needs a fix: " + f);
                assertTrue(List.of("smtp-settings", "ports-and-tls", "app-passwords-oauth", "blocklist-listed",
                        "contact-provider").contains(f.article()), f.toString());
            }
        }
    }

    @Test
    void healthyStartTlsServerIsAllOk() throws IOException {
        List<Finding> f = diagnose(Script.starttls(certs.signed("mail.test"), List.of("SIZE 10485760"),
                List.of("SIZE 10485760", "AUTH PLAIN LOGIN")), "mail.test", PortRole.SUBMISSION_STARTTLS);
        assertWellFormed(f);
        assertEquals(Severity.OK, find(f, "smtp.tls").severity());
        assertEquals(Severity.OK, find(f, "smtp.cert-ok").severity());
        assertEquals(Severity.OK, find(f, "smtp.auth").severity());
        assertEquals(Severity.OK, find(f, "smtp.greeting").severity());
        assertTrue(find(f, "smtp.size").message().contains("10 MB"));
        Finding ehlo = find(f, "smtp.ehlo");
        assertTrue(ehlo.message().contains("login methods before TLS: none; after TLS: PLAIN LOGIN"), ehlo.message());
        assertTrue(ehlo.evidence().contains("before TLS: SIZE 10485760, STARTTLS"), ehlo.evidence());
        assertTrue(f.stream().noneMatch(x -> x.severity().isProblem() || x.severity() == Severity.ERROR), f.toString());
    }

    @Test
    void authOfferedInPlaintextFails() throws IOException {
        List<Finding> f = diagnose(Script.starttls(certs.signed("mail.test"), List.of("AUTH PLAIN LOGIN"),
                List.of("AUTH PLAIN LOGIN")), "mail.test", PortRole.SUBMISSION_STARTTLS);
        assertWellFormed(f);
        Finding plain = find(f, "smtp.auth-before-tls");
        assertEquals(Severity.FAIL, plain.severity());
        // Issue #16: the server setting is for the admin, apart from what the user is told to do.
        assertTrue(plain.admin().contains("smtpd_tls_auth_only"), plain.admin());
        assertFalse(plain.fix().contains("smtpd_tls_auth_only"), plain.fix());
        assertTrue(plain.fix().contains("STARTTLS (587) or SSL/TLS (465)"), plain.fix());
    }

    @Test
    void noAuthOnSubmissionPortFails() throws IOException {
        List<Finding> f = diagnose(Script.starttls(certs.signed("mail.test"), List.of("8BITMIME"), List.of("8BITMIME")),
                "mail.test", PortRole.SUBMISSION_STARTTLS);
        assertEquals(Severity.FAIL, find(f, "smtp.no-auth").severity());
        List<Finding> relay = diagnose(Script.starttls(certs.signed("mail.test"), List.of("8BITMIME"), List.of("8BITMIME")),
                "mail.test", PortRole.RELAY);
        assertEquals(Severity.INFO, find(relay, "smtp.no-auth-relay").severity());
        assertAbsent(relay, "smtp.no-auth");
    }

    @Test
    void onlyOAuthMechanismsWarnWithGuidance() throws IOException {
        List<Finding> f = diagnose(Script.starttls(certs.signed("mail.test"), List.of(),
                List.of("AUTH XOAUTH2 OAUTHBEARER")), "mail.test", PortRole.SUBMISSION_STARTTLS);
        Finding oauth = find(f, "smtp.oauth-only");
        assertEquals(Severity.WARN, oauth.severity());
        assertEquals("app-passwords-oauth", oauth.article());
        assertTrue(oauth.fix().contains("OAuth"));
    }

    @Test
    void plaintextOn465AndImplicitTlsOn587() throws IOException {
        List<Finding> on465 = diagnose(Script.plain("220 mail.test ESMTP", List.of("AUTH PLAIN")), "127.0.0.1",
                PortRole.SUBMISSION_IMPLICIT_TLS);
        assertWellFormed(on465);
        assertEquals(Severity.FAIL, find(on465, "smtp.plaintext-on-implicit-tls-port").severity());
        // the implicit-TLS server waits for the handshake: the probe waits for a greeting first
        List<Finding> on587;
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.implicit(certs.signed("mail.test"), List.of("AUTH PLAIN")))) {
            on587 = diagnose(fixture.probe(ProbeFixture.SILENT.withTrust(certs.trust()), server.port()), server.port(), "mail.test",
                    PortRole.SUBMISSION_STARTTLS);
        }
        assertWellFormed(on587);
        Finding f = find(on587, "smtp.implicit-tls-on-starttls-port");
        assertEquals(Severity.FAIL, f.severity());
        assertTrue(f.fix().contains("SSL/TLS"));
        assertAbsent(on587, "smtp.no-greeting");
    }

    @Test
    void refusingGreetings() throws IOException {
        Finding f554 = find(diagnose(Script.plain("554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org",
                List.of()), "127.0.0.1", PortRole.RELAY), "smtp.greeting-refused");
        assertEquals(Severity.FAIL, f554.severity());
        assertEquals("blocklist-listed", f554.article());
        assertTrue(f554.evidence().startsWith("554"));
        Finding f421 = find(diagnose(Script.plain("421 4.7.0 too many connections, try later", List.of()), "127.0.0.1",
                PortRole.SUBMISSION_STARTTLS), "smtp.greeting-refused");
        assertEquals("contact-provider", f421.article());
        assertTrue(f421.message().contains("421"));
    }

    @Test
    void serverClosingAfterTheGreetingIsCouldNotCheckNotNoTls() throws IOException {
        List<Finding> f = diagnose(Script.plain("220 mail.test ESMTP", List.of("AUTH PLAIN")).withCloseOnEhlo(),
                "127.0.0.1", PortRole.SUBMISSION_STARTTLS);
        assertEquals(Severity.ERROR, find(f, "smtp.probe-failed").severity());
        assertAbsent(f, "smtp.no-tls");
        assertAbsent(f, "smtp.no-auth");
    }

    @Test
    void slowGreetingAndHang() throws IOException {
        // 3 s: slower than the 2 s that counts as slow, far inside the 10 s read limit
        List<Finding> slow = diagnose(Script.starttls(certs.signed("mail.test"), List.of(), List.of("AUTH PLAIN"))
                .withGreetingDelay(Duration.ofSeconds(3)), "mail.test", PortRole.SUBMISSION_STARTTLS);
        assertEquals(Severity.WARN, find(slow, "smtp.slow-greeting").severity());
        List<Finding> hang = diagnoseSilent(PortRole.RELAY);
        assertEquals(Severity.FAIL, find(hang, "smtp.no-greeting").severity());
        List<Finding> silentTls = diagnoseSilent(PortRole.SUBMISSION_IMPLICIT_TLS);
        assertEquals(Severity.FAIL, find(silentTls, "smtp.tls-timeout").severity());
    }

    @Test
    void aHandshakeCutByTheTotalTimeoutIsCouldNotCheck() throws IOException {
        // far on both sides: the total limit is 1 s, the handshake read it must cut would wait 30 s
        ProbeSettings tight = ProbeFixture.ANSWERING.withTrust(certs.trust()).withTimeouts(Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMillis(700), Duration.ofSeconds(1));
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.plain(null, List.of()))) {
            SmtpProbeResult r = fixture.probe(tight, server.port()).probe(ProbeFixture.request("127.0.0.1:" + server.port(),
                    new PortPlan(server.port(), PortRole.SUBMISSION_IMPLICIT_TLS)), p -> { }).toCompletableFuture().join();
            assertTrue(r.ports().get(0).totalTimedOut());
            List<Finding> f = dev.mailhelp.texts.ShippedTexts.english(DIAGNOSIS.diagnose(r));
            assertEquals(Severity.ERROR, find(f, "smtp.total-timeout").severity());
            assertAbsent(f, "smtp.starttls-refused");
        }
    }

    @Test
    void startTlsFaults() throws IOException {
        List<Finding> broken = diagnose(Script.starttls(certs.signed("mail.test"), List.of(), List.of())
                .withStartTls(StartTls.BROKEN_HANDSHAKE), "mail.test", PortRole.SUBMISSION_STARTTLS);
        Finding b = find(broken, "smtp.tls-handshake-failed");
        assertTrue(b.message().contains("STARTTLS is offered, but setting up encryption after it fails"), b.message());
        List<Finding> refused = diagnose(Script.starttls(certs.signed("mail.test"), List.of(), List.of())
                .withStartTls(StartTls.REFUSED_454), "mail.test", PortRole.SUBMISSION_STARTTLS);
        assertTrue(find(refused, "smtp.starttls-refused").evidence().startsWith("454"));
        List<Finding> none = diagnose(Script.plain("220 mail.test ESMTP", List.of("AUTH PLAIN")), "127.0.0.1",
                PortRole.SUBMISSION_STARTTLS);
        assertEquals(Severity.FAIL, find(none, "smtp.no-tls").severity());
        assertEquals(Severity.FAIL, find(none, "smtp.auth-before-tls").severity());
    }

    @Test
    void certificateFaults() throws IOException {
        Instant now = Instant.now();
        List<Finding> expired = diagnose(Script.implicit(certs.signed(List.of("mail.test"), now.minus(Duration.ofDays(90)),
                now.minus(Duration.ofDays(1))), List.of("AUTH PLAIN")), "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS);
        assertEquals(Severity.FAIL, find(expired, "smtp.cert-expired").severity());
        assertAbsent(expired, "smtp.cert-untrusted");
        List<Finding> self = diagnose(Script.implicit(TestCertificates.selfSigned("mail.test"), List.of("AUTH PLAIN")),
                "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS);
        assertEquals(Severity.FAIL, find(self, "smtp.cert-self-signed").severity());
        List<Finding> wrong = diagnose(Script.implicit(certs.signed("mx.other.test"), List.of("AUTH PLAIN")),
                "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS);
        assertTrue(find(wrong, "smtp.cert-wrong-name").message().contains("mx.other.test"));
        List<Finding> untrusted = diagnose(Script.implicit(new TestCertificates().signed("mail.test"), List.of("AUTH PLAIN")),
                "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS);
        assertEquals(Severity.FAIL, find(untrusted, "smtp.cert-untrusted").severity());
        assertAbsent(untrusted, "smtp.cert-self-signed");
        for (List<Finding> f : List.of(expired, self, wrong, untrusted)) {
            assertWellFormed(f);
            assertEquals(Severity.OK, find(f, "smtp.tls").severity());
        }
    }

    @Test
    void serverOfferingOnlyOldTlsIsRecognised() throws IOException {
        // JDK 17 disables TLS 1.0/1.1 on both sides (jdk.tls.disabledAlgorithms), so a server limited to
        // them cannot complete any handshake with a current client: exactly what users of such servers see.
        List<Finding> f = diagnose(Script.implicit(certs.signed("mail.test"), List.of("AUTH PLAIN"))
                .withTlsProtocols("TLSv1", "TLSv1.1"), "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS);
        Finding failed = f.stream().filter(x -> x.code().equals("smtp.tls-old-version")
                || x.code().equals("smtp.tls-handshake-failed")).findFirst().orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(Severity.FAIL, failed.severity());
        assertFalse(failed.evidence().isEmpty());
        // The JDK's server, left with no usable protocol, just closes the connection: the client sees a
        // handshake failure without a protocol_version alert (LegacyTlsTest covers a negotiated TLS 1.0).
        assertEquals("smtp.tls-handshake-failed", failed.code());
    }

    @Test
    void connectionRefusedOnAnExplicitPortFails() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Finding f = find(diagnose(port, "127.0.0.1", PortRole.SUBMISSION_STARTTLS), "smtp.connection-refused");
        assertEquals(Severity.FAIL, f.severity());
    }

    @Test
    void silentPort25IsReportedAsBlocked() throws IOException {
        // A listening socket whose accept queue is full drops new SYNs: a real connect timeout, on loopback.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
                        fillers.add(s);
                    } catch (IOException e) {
                        s.close();
                        break;
                    }
                }
                List<Finding> f = diagnose(fixture.probe(ProbeFixture.SILENT.withTrust(certs.trust()), full.getLocalPort()),
                        full.getLocalPort(), "127.0.0.1", PortRole.RELAY);
                Finding blocked = find(f, "smtp.port25-blocked");
                assertEquals(Severity.WARN, blocked.severity());
                assertTrue(blocked.fix().contains("587"));
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void scanOfThreePortsRecommendsWorkingSettingsAndDowngradesTheDeadPort() throws IOException {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        try (ScriptedSmtpServer submission = new ScriptedSmtpServer(Script.starttls(certs.signed("mail.test"), List.of(),
                List.of("AUTH PLAIN LOGIN")));
             ScriptedSmtpServer implicit = new ScriptedSmtpServer(Script.implicit(certs.signed("mail.test"),
                     List.of("AUTH PLAIN LOGIN")))) {
            SmtpProbe probe = fixture.probe(certs.trust(), submission.port(), implicit.port(), dead);
            List<PortProbeResult> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            SmtpProbeResult r = probe.probe(ProbeFixture.request("mail.test",
                    new PortPlan(submission.port(), PortRole.SUBMISSION_STARTTLS),
                    new PortPlan(implicit.port(), PortRole.SUBMISSION_IMPLICIT_TLS),
                    new PortPlan(dead, PortRole.RELAY)), seen::add).toCompletableFuture().join();
            assertEquals(3, r.ports().size());
            assertEquals(3, seen.size());
            List<Finding> f = dev.mailhelp.texts.ShippedTexts.english(DIAGNOSIS.diagnose(r));
            assertWellFormed(f);
            Finding rec = find(f, "smtp.recommended-settings");
            assertTrue(rec.message().contains("port " + submission.port()) && rec.message().contains("STARTTLS"), rec.message());
            assertEquals(Severity.INFO, find(f, "smtp.connection-refused").severity());
            assertTrue(SmtpDiagnosis.headline(r).contains("works"), SmtpDiagnosis.headline(r));
        }
    }

    @Test
    void providerGuidanceForKnownHosts() {
        SmtpTarget gmail = SmtpTarget.parse("smtp.gmail.com:25");
        SmtpProbeResult r = new SmtpProbeResult(gmail, new Vetting.Allowed(gmail, List.of(InetAddress.getLoopbackAddress())),
                List.of(), 1);
        List<Finding> f = dev.mailhelp.texts.ShippedTexts.english(DIAGNOSIS.diagnose(r));
        Finding provider = find(f, "smtp.provider");
        assertTrue(provider.fix().contains("app password"), provider.fix());
        assertTrue(provider.evidence().contains("https://support.google.com/"), provider.evidence());
        assertTrue(provider.evidence().contains("checked 2026-11-27"), provider.evidence());
        assertTrue(provider.message().contains("port 587 with STARTTLS") && provider.message().contains("port 465 with SSL/TLS"),
                provider.message());
        assertEquals(Severity.WARN, find(f, "smtp.provider-port").severity());
        SmtpTarget m365 = SmtpTarget.parse("smtp.office365.com");
        List<Finding> ms = dev.mailhelp.texts.ShippedTexts.english(DIAGNOSIS.diagnose(new SmtpProbeResult(m365,
                new Vetting.Allowed(m365, List.of(InetAddress.getLoopbackAddress())), List.of(), 1)));
        Finding msProvider = find(ms, "smtp.provider");
        assertTrue(msProvider.fix().contains("December 2026") && msProvider.fix().contains("MC786329"), msProvider.fix());
        assertTrue(msProvider.evidence().contains("techcommunity.microsoft.com"), msProvider.evidence());
        Finding zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", find(DIAGNOSIS.diagnose(new SmtpProbeResult(m365,
                new Vetting.Allowed(m365, List.of(InetAddress.getLoopbackAddress())), List.of(), 1), "zh-TW"), "smtp.provider"));
        assertFalse(zh.fix().equals(msProvider.fix()), "the guidance follows the user's language");
        assertAbsent(ms, "smtp.provider-port");
        assertEquals(Optional.empty(), KnowledgeProviders.guide().bySmtpHost("mail.example.com", "en"));
    }

    @Test
    void refusedAndUnresolvedTargets() {
        SmtpTarget t = SmtpTarget.parse("10.0.0.1");
        Finding refused = find(DIAGNOSIS.diagnose(new SmtpProbeResult(t, new Vetting.Refused(t, "private", "10.0.0.1"),
                List.of(), 0)), "smtp.target-refused");
        assertEquals(Severity.ERROR, refused.severity());
        SmtpTarget n = SmtpTarget.parse("nope.example");
        Finding nx = find(DIAGNOSIS.diagnose(new SmtpProbeResult(n, new Vetting.Unresolved(n,
                HostResolutionException.Kind.NOT_FOUND, "The name nope.example does not exist"), List.of(), 0)),
                "smtp.host-not-found");
        assertEquals(Severity.FAIL, nx.severity());
        Finding dnsDown = find(DIAGNOSIS.diagnose(new SmtpProbeResult(n, new Vetting.Unresolved(n,
                HostResolutionException.Kind.FAILED, "timeout"), List.of(), 0)), "smtp.dns-failed");
        assertEquals(Severity.ERROR, dnsDown.severity());
    }

    /**
     * Issue #16: a user is told in plain words what happened; the settings of whoever runs mailhelp
     * (--allow-private, MAILHELP_DNS) are in the finding's part for the server admin, in both languages.
     */
    @Test
    void operatorWordingStaysInTheAdminPart() {
        AddressGuard guard = AddressGuard.mailPorts(false);
        SmtpTarget home = SmtpTarget.parse("mail.home.test:587");
        Vetting v = guard.vet(home, host -> java.util.concurrent.CompletableFuture.completedFuture(
                List.of(addr("192.168.1.20")))).toCompletableFuture().join();
        Finding raw = find(DIAGNOSIS.diagnose(new SmtpProbeResult(home, v, List.of(), 0)), "smtp.target-refused");
        Finding en = dev.mailhelp.texts.ShippedTexts.english(raw);
        assertEquals("mail.home.test points to 192.168.1.20, which is a private network address; mailhelp tests only "
                + "mail servers on the public internet.", en.message());
        assertFalse((en.message() + en.fix()).contains("allow-private"), en.message() + en.fix());
        assertTrue(en.admin().contains("--allow-private") && en.admin().contains("MAILHELP_ALLOW_PRIVATE"), en.admin());
        Finding zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", raw);
        assertTrue(zh.message().contains("私人網路位址") && zh.admin().contains("--allow-private"), zh.message() + zh.admin());
        assertEquals(List.of(), dev.mailhelp.texts.EnglishScanner.englishRuns(zh.message() + "\n" + zh.fix() + "\n" + zh.admin()));

        // Metadata addresses stay refused even with --allow-private, so the admin part has nothing to offer.
        Vetting metadata = guard.vet(SmtpTarget.parse("169.254.169.254"), null).toCompletableFuture().join();
        Finding cloud = dev.mailhelp.texts.ShippedTexts.english(find(DIAGNOSIS.diagnose(new SmtpProbeResult(
                SmtpTarget.parse("169.254.169.254"), metadata, List.of(), 0)), "smtp.target-refused"));
        assertTrue(cloud.message().startsWith("169.254.169.254 is a "), cloud.message());
        assertEquals("", cloud.admin());

        SmtpTarget port = SmtpTarget.parse("smtp.example.org:8080");
        Vetting badPort = guard.vet(port, null).toCompletableFuture().join();
        Finding p = dev.mailhelp.texts.ShippedTexts.english(find(DIAGNOSIS.diagnose(new SmtpProbeResult(port, badPort,
                List.of(), 0)), "smtp.target-refused"));
        assertTrue(p.message().contains("8080 is not one of them"), p.message());

        SmtpTarget n = SmtpTarget.parse("smtp.slow.test");
        Finding dnsDown = find(DIAGNOSIS.diagnose(new SmtpProbeResult(n, new Vetting.Unresolved(n,
                HostResolutionException.Kind.FAILED, "Looking up smtp.slow.test failed: timeout (no answer from "
                + "127.0.0.1:5353 within 2000 ms)", Optional.of(dev.mailhelp.dns.DnsResult.FailureKind.TIMEOUT)),
                List.of(), 0)), "smtp.dns-failed");
        Finding dnsEn = dev.mailhelp.texts.ShippedTexts.english(dnsDown);
        assertEquals("Could not look up the server name smtp.slow.test (no answer from the DNS server in time), so the "
                + "server could not be tested.", dnsEn.message());
        assertFalse((dnsEn.message() + dnsEn.fix() + dnsEn.evidence()).matches("(?s).*(127\\.0\\.0\\.1|2000 ms|MAILHELP_DNS).*"),
                dnsEn.toString());
        assertTrue(dnsEn.admin().contains("MAILHELP_DNS"), dnsEn.admin());
        Finding dnsZh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", dnsDown);
        assertEquals(List.of(), dev.mailhelp.texts.EnglishScanner.englishRuns(dnsZh.message() + "\n" + dnsZh.fix() + "\n" + dnsZh.admin()));
    }

    private static InetAddress addr(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
