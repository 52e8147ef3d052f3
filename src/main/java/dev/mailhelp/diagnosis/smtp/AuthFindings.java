package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.APP_PASSWORDS;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.CHECK;
import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.SMTP_SETTINGS;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What EHLO offered for signing in: no login, OAuth only, or a normal login, with the provider's advice. */
final class AuthFindings {

    private AuthFindings() {
    }

    /** What EHLO offered, before and inside TLS, for the record (the AUTH lists are what users ask about). */
    static Finding ehlo(PortProbeResult p, String label) {
        StringBuilder evidence = new StringBuilder();
        p.ehloPlain().ifPresent(e -> evidence.append("before TLS: ").append(String.join(", ", e.extensions())));
        p.ehloTls().ifPresent(e -> evidence.append(evidence.length() > 0 ? "\n" : "").append("inside TLS: ")
                .append(String.join(", ", e.extensions())));
        String before = p.ehloPlain().map(e -> e.offersAuth() ? String.join(" ", e.authMechanisms()) : "none").orElse("-");
        String inside = p.ehloTls().map(e -> e.offersAuth() ? String.join(" ", e.authMechanisms()) : "none").orElse("-");
        String auth = p.tlsMode() == TlsMode.IMPLICIT ? "AUTH: " + inside
                : "AUTH before TLS: " + before + (p.ehloTls().isPresent() ? "; after TLS: " + inside : "");
        return Finding.info(CHECK, "smtp.ehlo", label + ": EHLO answered; " + auth + ".", evidence.toString());
    }

    static List<Finding> of(PortProbeResult p, EhloInfo ehlo, String label, Optional<SmtpProviderGuide.Provider> provider) {
        List<Finding> out = new ArrayList<>();
        if (!ehlo.offersAuth()) {
            if (p.role().isSubmission()) {
                out.add(new Finding(CHECK, Severity.FAIL, "smtp.no-auth", label + ": the server offers no login (no AUTH"
                        + (p.tlsMode() == TlsMode.NONE ? "" : " even after TLS") + "), so a mail program cannot sign in here.",
                        String.join("\n", ehlo.extensions()),
                        "Check the server name and port in your mail program against your provider's settings; this "
                                + "may be a server that only receives mail. Server admins: enable SMTP AUTH on the "
                                + "submission port.", SMTP_SETTINGS));
            } else {
                out.add(Finding.info(CHECK, "smtp.no-auth-relay", label + ": no login offered, as is normal for a "
                        + "server-to-server port; mail programs should use 587 or 465.", String.join("\n", ehlo.extensions())));
            }
            return out;
        }
        String mechanisms = String.join(" ", ehlo.authMechanisms());
        if (ehlo.onlyOAuth()) {
            String how = provider.map(SmtpProviderGuide.Provider::authNote).orElse(
                    "Use a mail program that signs in through the provider's own login window (OAuth, often called "
                            + "\"Modern Authentication\" or \"Sign in with ...\"), or create an app password in your "
                            + "account's security settings if the provider offers them.");
            out.add(new Finding(CHECK, Severity.WARN, "smtp.oauth-only", label + ": the server accepts only OAuth "
                    + "sign-in (" + mechanisms + "): your normal password will be rejected.", "AUTH " + mechanisms,
                    how, APP_PASSWORDS));
        } else {
            out.add(Finding.ok(CHECK, "smtp.auth", label + ": login offered" + (p.tlsMode() == TlsMode.NONE ? "" : " inside TLS")
                    + " (" + mechanisms + ").", "AUTH " + mechanisms));
        }
        return out;
    }
}
