package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.CHECK;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.PORTS_AND_TLS;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** STARTTLS refused, handshakes that fail or time out, old TLS versions, and then the certificate. */
final class TlsFindings {

    private TlsFindings() {
    }

    static List<Finding> of(PortProbeResult p, String label) {
        List<Finding> out = new ArrayList<>();
        if (p.tlsMode() == TlsMode.NONE && p.tls().isEmpty()) {
            SmtpReply r = p.startTlsReply().orElse(null);
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.starttls-refused", label + ": the server offers STARTTLS "
                    + "but refused it" + (r == null ? "." : " (" + r.code() + ")."), r == null ? "" : r.text(),
                    "Server admins: check the TLS certificate and key configuration; a temporary 454 often means the "
                            + "certificate file cannot be read. Users: try port 465 with SSL/TLS.", PORTS_AND_TLS));
            return out;
        }
        TlsDetails tls = p.tls().orElse(null);
        if (tls == null) {
            return out;
        }
        if (!tls.established()) {
            String f = tls.failure().toLowerCase(Locale.ROOT);
            if (f.contains("timed out")) {
                out.add(new Finding(CHECK, Severity.FAIL, "smtp.tls-timeout", label + ": the server did not answer "
                        + "the TLS handshake (no reply within the read timeout).", tls.failure(),
                        "Check the security setting for this port: SSL/TLS belongs to 465, STARTTLS to 587. Server "
                                + "admins: check that TLS is configured on this port.", PORTS_AND_TLS));
                return out;
            }
            boolean oldVersion = f.contains("protocol_version") || f.contains("no appropriate protocol")
                    || f.contains("protocol is disabled");
            if (oldVersion) {
                out.add(new Finding(CHECK, Severity.FAIL, "smtp.tls-old-version", label + ": the TLS handshake "
                        + "failed because the server offers only old TLS versions (1.0/1.1 or SSL), which current "
                        + "mail programs refuse.", tls.failure(),
                        "Server admins: enable TLS 1.2 and 1.3 (TLS 1.0 and 1.1 are deprecated by RFC 8996).", PORTS_AND_TLS));
            } else {
                out.add(new Finding(CHECK, Severity.FAIL, "smtp.tls-handshake-failed", label + ": "
                        + (p.tlsMode() == TlsMode.NONE && p.role() != PortRole.SUBMISSION_IMPLICIT_TLS
                        ? "STARTTLS is advertised, but the TLS handshake after it fails."
                        : "the TLS handshake failed."), tls.failure(),
                        "Server admins: check the TLS configuration (certificate, key, protocols) and the server's "
                                + "logs. Users: try the other submission port (587 STARTTLS or 465 SSL/TLS).", PORTS_AND_TLS));
            }
            return out;
        }
        if (tls.isLegacyProtocol()) {
            out.add(new Finding(CHECK, Severity.WARN, "smtp.tls-old-version", label + ": TLS works, but only with "
                    + tls.protocol() + ", which is deprecated (RFC 8996); up-to-date mail programs refuse it.",
                    tls.protocol() + " " + tls.cipherSuite(),
                    "Server admins: enable TLS 1.2 and 1.3.", PORTS_AND_TLS));
        } else {
            out.add(Finding.ok(CHECK, "smtp.tls", label + ": " + (p.tlsMode() == TlsMode.IMPLICIT ? "implicit TLS" : "STARTTLS")
                    + " works (" + tls.protocol() + ").", tls.protocol() + " " + tls.cipherSuite()));
        }
        tls.certificate().ifPresent(c -> out.addAll(CertificateFindings.of(c, label)));
        return out;
    }
}
