package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The normal paths against a real SMTP server (GreenMail, in process, SMTP and SMTPS on 127.0.0.1). */
class GreenMailProbeTest {

    private static GreenMail greenMail;
    private static ProbeFixture fixture;

    @BeforeAll
    static void start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()});
        greenMail.start();
        fixture = new ProbeFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
        greenMail.stop();
    }

    private static int smtp() {
        return greenMail.getSmtp().getPort();
    }

    private static int smtps() {
        return greenMail.getSmtps().getPort();
    }

    @Test
    void plainSmtpPortGreetsAndListsExtensions() {
        PortProbeResult r = ProbeFixture.only(fixture.probe(ProbeFixture.ANSWERING, smtp()), "127.0.0.1",
                new PortPlan(smtp(), PortRole.SUBMISSION_STARTTLS));
        assertEquals(ConnectOutcome.CONNECTED, r.connect());
        assertEquals(220, r.greeting().orElseThrow().code());
        assertFalse(r.ehloPlain().orElseThrow().extensions().isEmpty());
        assertTrue(r.quitClean());
        assertFalse(r.greetingTimedOut());
    }

    @Test
    void smtpsPortSpeaksImplicitTlsAndItsCertificateIsJudgedByTheJdkTrustStore() {
        PortProbeResult r = ProbeFixture.only(fixture.probe(ProbeFixture.ANSWERING, smtps()), "127.0.0.1",
                new PortPlan(smtps(), PortRole.SUBMISSION_IMPLICIT_TLS));
        assertEquals(TlsMode.IMPLICIT, r.tlsMode());
        TlsDetails tls = r.tls().orElseThrow();
        assertTrue(tls.established(), tls.failure());
        assertTrue(tls.protocol().startsWith("TLSv1."), tls.protocol());
        CertificateCheck cert = tls.certificate().orElseThrow();
        // GreenMail ships its own test certificate: no public CA vouches for it.
        assertFalse(cert.trusted());
        assertFalse(cert.trustProblem().isEmpty());
        assertEquals(220, r.greeting().orElseThrow().code());
        assertTrue(r.ehloTls().isPresent());
        assertTrue(r.quitClean());
    }

    @Test
    void smtpCheckReportsProgressPerPortAndAnOutcome() {
        SmtpProbe probe = fixture.probe(ProbeFixture.ANSWERING, smtp());
        SmtpCheck check = new SmtpCheck(probe, new SmtpDiagnosis(SmtpProviderGuide.NONE, ProbeFixture.ANSWERING.slowGreeting()));
        assertEquals("smtp", check.id());
        assertEquals(java.util.Set.of("host"), check.requiredFacts());
        assertEquals(java.util.Set.of("ok", "problems", "error", "no-such-name"), check.outcomes());
        List<String> parts = new CopyOnWriteArrayList<>();
        CheckOutcome outcome = check.run(new CheckRequest(Map.of("host", "127.0.0.1:" + smtp()), "en"),
                (part, done, total, findings) -> {
                    parts.add(part + " " + done + "/" + total);
                    assertEquals("smtp.port-probed", findings.get(0).code());
                }).toCompletableFuture().join();
        assertEquals(List.of("port " + smtp() + " (as 587) 1/1"), parts);
        assertTrue(List.of("ok", "problems").contains(outcome.outcome()), outcome.toString());
        assertTrue(outcome.findings().stream().anyMatch(f -> f.code().equals("smtp.greeting")));
        assertTrue(outcome.summary().startsWith("127.0.0.1:"), outcome.summary());
    }

    @Test
    void smtpCheckTurnsBadInputIntoAnErrorOutcome() {
        SmtpCheck check = new SmtpCheck(fixture.probe(ProbeFixture.ANSWERING, smtp()),
                new SmtpDiagnosis(SmtpProviderGuide.NONE, ProbeFixture.ANSWERING.slowGreeting()));
        CheckOutcome bad = check.run(new CheckRequest(Map.of("host", "smtp://x"), "en"), (a, b, c, d) -> { })
                .toCompletableFuture().join();
        assertEquals("error", bad.outcome());
        assertEquals("smtp.invalid-target", bad.findings().get(0).code());
        CheckOutcome refused = check.run(new CheckRequest(Map.of("host", "169.254.169.254:" + smtp()), "en"),
                (a, b, c, d) -> { }).toCompletableFuture().join();
        assertEquals("error", refused.outcome());
        Finding f = dev.mailhelp.texts.ShippedTexts.english(refused.findings().get(0));
        assertEquals("smtp.target-refused", f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("a cloud provider’s internal service address"), f.message());
    }
}
