package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.APP_PASSWORDS;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.SMTP_SETTINGS;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.finding;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What EHLO offered for signing in: no login, OAuth only, or a normal login, with the provider's advice. */
final class AuthFindings {

    private AuthFindings() {
    }

    /** What EHLO offered, before and inside TLS, for the record (the AUTH lists are what users ask about). */
    static Finding ehlo(PortProbeResult p, Phrase label) {
        return finding(Severity.INFO, "smtp.ehlo").with("port", label)
                .with("mode", p.tlsMode() == TlsMode.IMPLICIT ? "implicit" : "plain")
                .with("before", p.ehloPlain().map(AuthFindings::mechanisms).orElse("-"))
                .with("after", p.ehloTls().isPresent() ? "yes" : "no")
                .with("inside", p.ehloTls().map(AuthFindings::mechanisms).orElse("-"))
                .with("plain", p.ehloPlain().isPresent() ? "yes" : "no")
                .with("plainExtensions", p.ehloPlain().map(e -> String.join(", ", e.extensions())).orElse(""))
                .with("tlsExtensions", p.ehloTls().map(e -> String.join(", ", e.extensions())).orElse(""));
    }

    /** The mechanisms offered, or the protocol word "none" (the same in every language, like the extension names). */
    private static String mechanisms(EhloInfo e) {
        return e.offersAuth() ? String.join(" ", e.authMechanisms()) : "none";
    }

    static List<Finding> of(PortProbeResult p, EhloInfo ehlo, Phrase label, Optional<SmtpProviderGuide.Provider> provider) {
        List<Finding> out = new ArrayList<>();
        if (!ehlo.offersAuth()) {
            if (p.role().isSubmission()) {
                out.add(finding(Severity.FAIL, "smtp.no-auth").with("port", label)
                        .with("tls", p.tlsMode() == TlsMode.NONE ? "no" : "yes")
                        .evidence(String.join("\n", ehlo.extensions())).withArticle(SMTP_SETTINGS));
            } else {
                out.add(finding(Severity.INFO, "smtp.no-auth-relay").with("port", label)
                        .evidence(String.join("\n", ehlo.extensions())));
            }
            return out;
        }
        String mechanisms = String.join(" ", ehlo.authMechanisms());
        if (ehlo.onlyOAuth()) {
            String note = provider.map(SmtpProviderGuide.Provider::authNote).orElse("");
            out.add(finding(Severity.WARN, "smtp.oauth-only").with("port", label).with("mechanisms", mechanisms)
                    .with("known", note.isBlank() ? "no" : "yes").with("note", note)
                    .evidence("AUTH " + mechanisms).withArticle(APP_PASSWORDS));
        } else {
            out.add(finding(Severity.OK, "smtp.auth").with("port", label).with("mechanisms", mechanisms)
                    .with("tls", p.tlsMode() == TlsMode.NONE ? "no" : "yes").evidence("AUTH " + mechanisms));
        }
        return out;
    }
}
