package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.PORTS_AND_TLS;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.finding;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a server certificate, each problem its own finding (expired and wrong name can
 * both be true). The certificate's fields are values, so its labels are in the reader's language.
 */
final class CertificateFindings {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CertificateFindings() {
    }

    static List<Finding> of(CertificateCheck c, Phrase label) {
        List<Finding> out = new ArrayList<>();
        if (c.expired()) {
            out.add(described(Severity.FAIL, "smtp.cert-expired", c, label));
        }
        if (c.notYetValid()) {
            out.add(described(Severity.FAIL, "smtp.cert-not-yet-valid", c, label));
        }
        if (c.selfSigned()) {
            out.add(described(Severity.FAIL, "smtp.cert-self-signed", c, label));
        }
        if (!c.nameMatches()) {
            out.add(described(Severity.FAIL, "smtp.cert-wrong-name", c, label));
        }
        if (!c.trusted() && !c.selfSigned() && !c.expired() && !c.notYetValid()) {
            // The validator's own words on why the chain failed are what was seen: shown as they are.
            out.add(described(Severity.FAIL, "smtp.cert-untrusted", c, label).with("problem", c.trustProblem()));
        }
        if (out.isEmpty()) {
            out.add(described(Severity.OK, "smtp.cert-ok", c, label));
        }
        return out;
    }

    private static Finding described(Severity severity, String code, CertificateCheck c, Phrase label) {
        Finding f = finding(severity, code).with("port", label).with("subject", c.subject()).with("issuer", c.issuer())
                .with("names", String.join(", ", c.names())).with("until", DAY.format(c.notAfter()));
        return severity == Severity.OK ? f : f.withArticle(PORTS_AND_TLS);
    }
}
