package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.CHECK;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.PORTS_AND_TLS;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** What is wrong with a server certificate, each problem its own finding (expired and wrong name can both be true). */
final class CertificateFindings {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CertificateFindings() {
    }

    static List<Finding> of(CertificateCheck c, String label) {
        List<Finding> out = new ArrayList<>();
        String evidence = "subject: " + c.subject() + "\nissuer: " + c.issuer() + "\nnames: " + String.join(", ", c.names())
                + "\nvalid until: " + DAY.format(c.notAfter());
        String adminFix = "Server admins: install a certificate from a public CA (for example Let's Encrypt) for "
                + "the name mail programs use, with its intermediate certificates, and renew it automatically.";
        if (c.expired()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.cert-expired", label + ": the server's certificate "
                    + "expired on " + DAY.format(c.notAfter()) + " (or a certificate in its chain did). Mail programs "
                    + "refuse the connection or show a security warning.", evidence, adminFix, PORTS_AND_TLS));
        }
        if (c.notYetValid()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.cert-not-yet-valid", label + ": the server's certificate "
                    + "is not valid yet (check the server's clock).", evidence, adminFix, PORTS_AND_TLS));
        }
        if (c.selfSigned()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.cert-self-signed", label + ": the server's certificate is "
                    + "self-signed; mail programs cannot tell it from an attacker's and refuse it or warn.",
                    evidence, adminFix, PORTS_AND_TLS));
        }
        if (!c.nameMatches()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.cert-wrong-name", label + ": the certificate is for "
                    + String.join(", ", c.names()) + ", not for the name you use. Mail programs refuse it or warn.",
                    evidence, "Use the server name the certificate is for in your mail program (ask your provider "
                    + "for the exact SMTP server name). " + adminFix, PORTS_AND_TLS));
        }
        if (!c.trusted() && !c.selfSigned() && !c.expired() && !c.notYetValid()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.cert-untrusted", label + ": the certificate chain does not "
                    + "lead to a trusted certificate authority (or an intermediate certificate is missing).",
                    evidence + "\n" + c.trustProblem(), adminFix, PORTS_AND_TLS));
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(CHECK, "smtp.cert-ok", label + ": the certificate is valid for this name until "
                    + DAY.format(c.notAfter()) + " and trusted.", evidence));
        }
        return out;
    }
}
