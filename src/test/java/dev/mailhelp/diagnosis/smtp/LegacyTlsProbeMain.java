package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.Script;
import dev.mailhelp.testsmtp.TestCertificates;
import java.util.List;

/**
 * Run by {@link LegacyTlsTest} in a separate JVM whose security properties re-enable TLS 1.0
 * (JDK 17 disables it JVM-wide, on both sides, through jdk.tls.disabledAlgorithms): a server
 * limited to TLS 1.0 is probed and the findings printed one per line.
 */
public final class LegacyTlsProbeMain {

    private LegacyTlsProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        TestCertificates certs = new TestCertificates();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.implicit(certs.signed("mail.test"),
                List.of("AUTH PLAIN")).withTlsProtocols(args.length > 0 ? args : new String[] {"TLSv1"}));
             ProbeFixture fixture = new ProbeFixture()) {
            SmtpProbe probe = fixture.probe(certs.trust(), server.port());
            SmtpProbeResult r = probe.probe(ProbeFixture.request("mail.test:" + server.port(),
                    new PortPlan(server.port(), PortRole.SUBMISSION_IMPLICIT_TLS)), p -> { }).toCompletableFuture().join();
            for (Finding f : new SmtpDiagnosis(SmtpProviderGuide.NONE, ProbeFixture.ANSWERING.slowGreeting()).diagnose(r)) {
                System.out.println(f.code() + " " + f.severity().id() + " " + f.evidence().replace('\n', ' '));
            }
        }
    }
}
