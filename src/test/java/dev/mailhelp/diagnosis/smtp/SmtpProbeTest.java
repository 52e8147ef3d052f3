package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.Script;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.StartTls;
import dev.mailhelp.testsmtp.TestCertificates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against the scripted server: each fault produced for real on 127.0.0.1. */
class SmtpProbeTest {

    private static TestCertificates certs;
    private static ProbeFixture fixture;

    @BeforeAll
    static void setUp() {
        certs = new TestCertificates();
        fixture = new ProbeFixture();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private static PortProbeResult probe(ScriptedSmtpServer server, String host, PortRole role) {
        return ProbeFixture.only(fixture.probe(certs.trust(), server.port()), host, new PortPlan(server.port(), role));
    }

    private static void assertNoLoginAttempted(ScriptedSmtpServer server) {
        for (String c : server.commands()) {
            String verb = c.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
            assertFalse(List.of("AUTH", "MAIL", "RCPT", "DATA").contains(verb), "probe sent " + c);
        }
    }

    @Test
    void startTlsWithTrustedCertificateAndAuthOnlyAfterTls() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.starttls(certs.signed("mail.test"),
                List.of("SIZE 35882577", "8BITMIME"), List.of("SIZE 35882577", "AUTH PLAIN LOGIN", "8BITMIME")))) {
            PortProbeResult r = probe(server, "mail.test", PortRole.SUBMISSION_STARTTLS);
            assertEquals(ConnectOutcome.CONNECTED, r.connect());
            assertEquals(220, r.greeting().orElseThrow().code());
            assertTrue(r.greetingDelayMillis() >= 0);
            assertTrue(r.ehloPlain().orElseThrow().startTls());
            assertEquals(List.of(), r.ehloPlain().orElseThrow().authMechanisms());
            assertEquals(List.of("PLAIN", "LOGIN"), r.ehloTls().orElseThrow().authMechanisms());
            assertEquals(35882577L, r.ehloTls().orElseThrow().maxSize().orElseThrow());
            assertEquals(TlsMode.STARTTLS, r.tlsMode());
            TlsDetails tls = r.tls().orElseThrow();
            assertTrue(tls.established());
            assertTrue(tls.protocol().equals("TLSv1.3") || tls.protocol().equals("TLSv1.2"), tls.protocol());
            assertFalse(tls.cipherSuite().isEmpty());
            CertificateCheck cert = tls.certificate().orElseThrow();
            assertTrue(cert.trusted(), cert.trustProblem());
            assertTrue(cert.nameMatches());
            assertFalse(cert.expired());
            assertFalse(cert.selfSigned());
            assertTrue(r.quitClean());
            assertTrue(server.commands().contains("STARTTLS"));
            assertTrue(server.commands().get(server.commands().size() - 1).equals("QUIT"));
            assertNoLoginAttempted(server);
        }
    }

    @Test
    void theNameIsLookedUpOnceForAllPortsAndTls() throws Exception {
        try (ScriptedSmtpServer a = new ScriptedSmtpServer(Script.starttls(certs.signed("mail.test"), List.of(),
                List.of("AUTH PLAIN")));
             ScriptedSmtpServer b = new ScriptedSmtpServer(Script.implicit(certs.signed("mail.test"), List.of("AUTH PLAIN")))) {
            int before = fixture.dns.lookups.get();
            SmtpProbeResult r = fixture.probe(certs.trust(), a.port(), b.port()).probe(ProbeFixture.request("mail.test",
                    new PortPlan(a.port(), PortRole.SUBMISSION_STARTTLS), new PortPlan(b.port(), PortRole.SUBMISSION_IMPLICIT_TLS)),
                    p -> { }).toCompletableFuture().join();
            assertEquals(before + 1, fixture.dns.lookups.get());
            for (PortProbeResult p : r.ports()) {
                assertEquals("127.0.0.1", p.address());
                assertTrue(p.tls().orElseThrow().certificate().orElseThrow().nameMatches(), "SNI/name check used mail.test");
            }
        }
    }

    @Test
    void hangAfterConnectIsAGreetingTimeoutAndTheProbeLooksForImplicitTls() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.plain(null, List.of()))) {
            PortProbeResult r = ProbeFixture.only(fixture.probe(ProbeFixture.SILENT.withTrust(certs.trust()), server.port()),
                    "127.0.0.1", new PortPlan(server.port(), PortRole.SUBMISSION_STARTTLS));
            assertEquals(ConnectOutcome.CONNECTED, r.connect());
            assertTrue(r.greetingTimedOut());
            assertTrue(r.greeting().isEmpty());
            assertFalse(r.tlsOnPlainPort());
            assertFalse(r.totalTimedOut());
        }
    }

    @Test
    void totalTimeoutCutsAServerThatKeepsTheProbeWaiting() throws Exception {
        // far on both sides: the total limit is 1 s, the read it must cut would wait 30 s
        ProbeSettings tight = ProbeFixture.ANSWERING.withTrust(certs.trust()).withTimeouts(Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMillis(700), Duration.ofSeconds(1));
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.plain(null, List.of()))) {
            long t0 = System.nanoTime();
            PortProbeResult r = ProbeFixture.only(fixture.probe(tight, server.port()), "127.0.0.1",
                    new PortPlan(server.port(), PortRole.RELAY));
            assertTrue(r.totalTimedOut());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 15_000, "the total timeout must cut the 30 s read");
        }
    }

    @Test
    void refusingGreetings() throws Exception {
        for (String greeting : List.of("554 5.7.1 mail.test no SMTP service here", "421 4.3.2 mail.test too busy, try later")) {
            try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.plain(greeting, List.of()))) {
                PortProbeResult r = probe(server, "127.0.0.1", PortRole.SUBMISSION_STARTTLS);
                assertEquals(Integer.parseInt(greeting.substring(0, 3)), r.greeting().orElseThrow().code());
                assertTrue(r.greeting().orElseThrow().text().contains(greeting.substring(4)), r.greeting().toString());
                assertTrue(r.ehloPlain().isEmpty());
            }
        }
    }

    @Test
    void slowGreetingIsMeasured() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.plain("220 slow ESMTP", List.of("SIZE 1000"))
                .withGreetingDelay(Duration.ofMillis(900)))) {
            PortProbeResult r = probe(server, "127.0.0.1", PortRole.RELAY);
            assertTrue(r.greetingDelayMillis() >= 850, "delay " + r.greetingDelayMillis());
            assertEquals(1000L, r.ehloPlain().orElseThrow().maxSize().orElseThrow());
        }
    }

    @Test
    void startTlsAdvertisedButHandshakeFails() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.starttls(certs.signed("mail.test"),
                List.of(), List.of()).withStartTls(StartTls.BROKEN_HANDSHAKE))) {
            PortProbeResult r = probe(server, "mail.test", PortRole.SUBMISSION_STARTTLS);
            assertTrue(r.ehloPlain().orElseThrow().startTls());
            assertEquals(220, r.startTlsReply().orElseThrow().code());
            TlsDetails tls = r.tls().orElseThrow();
            assertFalse(tls.established());
            assertFalse(tls.failure().isEmpty());
            assertTrue(r.ehloTls().isEmpty());
        }
    }

    @Test
    void startTlsRefusedWith454() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.starttls(certs.signed("mail.test"),
                List.of(), List.of()).withStartTls(StartTls.REFUSED_454))) {
            PortProbeResult r = probe(server, "mail.test", PortRole.SUBMISSION_STARTTLS);
            assertEquals(454, r.startTlsReply().orElseThrow().code());
            assertTrue(r.tls().isEmpty());
        }
    }

    @Test
    void implicitTlsWithSelfSignedCertificate() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.implicit(TestCertificates.selfSigned("mail.test"),
                List.of("AUTH PLAIN LOGIN")))) {
            PortProbeResult r = probe(server, "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS);
            assertEquals(TlsMode.IMPLICIT, r.tlsMode());
            assertTrue(r.ehloPlain().isEmpty());
            assertEquals(List.of("PLAIN", "LOGIN"), r.ehloTls().orElseThrow().authMechanisms());
            CertificateCheck cert = r.tls().orElseThrow().certificate().orElseThrow();
            assertTrue(cert.selfSigned());
            assertFalse(cert.trusted());
            assertTrue(cert.nameMatches());
            assertTrue(r.quitClean());
        }
    }

    @Test
    void expiredAndWrongNameCertificates() throws Exception {
        Instant now = Instant.now();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.implicit(certs.signed(List.of("mail.test"),
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(2))), List.of("AUTH PLAIN")))) {
            CertificateCheck cert = probe(server, "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS)
                    .tls().orElseThrow().certificate().orElseThrow();
            assertTrue(cert.expired());
            assertFalse(cert.trusted());
            assertTrue(cert.nameMatches());
        }
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.implicit(certs.signed("mx.elsewhere.test"),
                List.of("AUTH PLAIN")))) {
            CertificateCheck cert = probe(server, "mail.test", PortRole.SUBMISSION_IMPLICIT_TLS)
                    .tls().orElseThrow().certificate().orElseThrow();
            assertFalse(cert.nameMatches());
            assertTrue(cert.trusted());
            assertEquals(List.of("mx.elsewhere.test"), cert.names());
        }
    }

    @Test
    void plaintextSpokenOnTheImplicitTlsPort() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.plain("220 mail.test ESMTP", List.of("AUTH PLAIN")))) {
            PortProbeResult r = probe(server, "127.0.0.1", PortRole.SUBMISSION_IMPLICIT_TLS);
            assertTrue(r.plaintextOnTlsPort());
            assertEquals(220, r.greeting().orElseThrow().code());
            assertFalse(r.tls().orElseThrow().established());
        }
    }

    @Test
    void implicitTlsSpokenOnTheStartTlsPort() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.implicit(certs.signed("mail.test"), List.of("AUTH PLAIN")))) {
            PortProbeResult r = ProbeFixture.only(fixture.probe(ProbeFixture.SILENT.withTrust(certs.trust()), server.port()),
                    "mail.test", new PortPlan(server.port(), PortRole.SUBMISSION_STARTTLS));
            assertTrue(r.greetingTimedOut());
            assertTrue(r.tlsOnPlainPort());
            assertTrue(r.tls().orElseThrow().established());
        }
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PortProbeResult r = ProbeFixture.only(fixture.probe(certs.trust(), port), "127.0.0.1",
                new PortPlan(port, PortRole.SUBMISSION_STARTTLS));
        assertEquals(ConnectOutcome.REFUSED, r.connect());
        assertTrue(r.greeting().isEmpty());
    }
}
