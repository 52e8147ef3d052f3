package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.PORTS_AND_TLS;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.finding;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** STARTTLS refused, handshakes that fail or time out, old TLS versions, and then the certificate. */
final class TlsFindings {

    private TlsFindings() {
    }

    static List<Finding> of(PortProbeResult p, Phrase label) {
        List<Finding> out = new ArrayList<>();
        if (p.tlsMode() == TlsMode.NONE && p.tls().isEmpty()) {
            SmtpReply r = p.startTlsReply().orElse(null);
            out.add(finding(Severity.FAIL, "smtp.starttls-refused").with("port", label)
                    .with("replied", r == null ? "no" : "yes").with("code", r == null ? "" : String.valueOf(r.code()))
                    .evidence(r == null ? "" : r.text()).withArticle(PORTS_AND_TLS));
            return out;
        }
        TlsDetails tls = p.tls().orElse(null);
        if (tls == null) {
            return out;
        }
        if (!tls.established()) {
            String f = tls.failure().toLowerCase(Locale.ROOT);
            if (f.contains("timed out")) {
                out.add(finding(Severity.FAIL, "smtp.tls-timeout").with("port", label).evidence(tls.failure())
                        .withArticle(PORTS_AND_TLS));
                return out;
            }
            boolean oldVersion = f.contains("protocol_version") || f.contains("no appropriate protocol")
                    || f.contains("protocol is disabled");
            if (oldVersion) {
                out.add(finding(Severity.FAIL, "smtp.tls-old-version").with("port", label).with("works", "no")
                        .with("protocol", "").evidence(tls.failure()).withArticle(PORTS_AND_TLS));
            } else {
                out.add(finding(Severity.FAIL, "smtp.tls-handshake-failed").with("port", label)
                        .with("starttls", p.tlsMode() == TlsMode.NONE && p.role() != PortRole.SUBMISSION_IMPLICIT_TLS
                                ? "yes" : "no")
                        .evidence(tls.failure()).withArticle(PORTS_AND_TLS));
            }
            return out;
        }
        if (tls.isLegacyProtocol()) {
            out.add(finding(Severity.WARN, "smtp.tls-old-version").with("port", label).with("works", "yes")
                    .with("protocol", tls.protocol()).evidence(tls.protocol() + " " + tls.cipherSuite())
                    .withArticle(PORTS_AND_TLS));
        } else {
            out.add(finding(Severity.OK, "smtp.tls").with("port", label)
                    .with("mode", p.tlsMode() == TlsMode.IMPLICIT ? "implicit" : "starttls").with("protocol", tls.protocol())
                    .evidence(tls.protocol() + " " + tls.cipherSuite()));
        }
        tls.certificate().ifPresent(c -> out.addAll(CertificateFindings.of(c, label)));
        return out;
    }
}
