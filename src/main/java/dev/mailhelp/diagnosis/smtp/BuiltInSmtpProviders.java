package dev.mailhelp.diagnosis.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Microsoft 365 and Google, the two providers whose sign-in rules changed under their users' feet.
 * The facts come from the project's FACTS.md (collected 2026-11-27), each with its source; they
 * could not be re-checked online from this machine.
 */
public final class BuiltInSmtpProviders implements SmtpProviderGuide {

    static final Provider MICROSOFT_365 = new Provider("microsoft365", "Microsoft 365 (Exchange Online)",
            List.of(new Preset("smtp.office365.com", 587, "starttls")),
            "Microsoft 365 still accepts SMTP AUTH with a username and password (Basic authentication) "
                    + "through December 2026; at the end of December 2026 it is switched off by default for "
                    + "existing tenants (an admin can switch it back on), and the final removal will be announced "
                    + "in the second half of 2027. OAuth is the supported way: use a mail program that signs in "
                    + "with a Microsoft account window (Modern Authentication). SMTP AUTH must also be allowed for "
                    + "the mailbox: an admin turns on \"Authenticated SMTP\" in the Microsoft 365 admin center "
                    + "(Users > Active users > the user > Mail > Manage email apps).",
            List.of("Microsoft message MC786329, January 2026 revision (checked 2026-11-27)",
                    "https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750 (checked 2026-11-27)"));

    static final Provider GOOGLE = new Provider("google", "Google (Gmail / Google Workspace)",
            List.of(new Preset("smtp.gmail.com", 587, "starttls"), new Preset("smtp.gmail.com", 465, "tls")),
            "Google no longer accepts your normal password from mail programs: \"less secure apps\" left the "
                    + "Admin console on 2024-06-15 and password-only access for IMAP, POP and SMTP ended on "
                    + "2024-09-30. Either use a mail program that signs in with Google (OAuth), or turn on "
                    + "2-Step Verification and create an app password (Google Account > Security > 2-Step "
                    + "Verification > App passwords), then type that 16-letter app password instead of your "
                    + "normal password.",
            List.of("Google Workspace less secure apps transition, as recorded in FACTS.md (checked 2026-11-27)",
                    "https://support.google.com/accounts/answer/185833 (app passwords, checked 2026-11-27)"));

    @Override
    public Optional<Provider> bySmtpHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("smtp.office365.com") || h.equals("smtp-legacy.office365.com")) {
            return Optional.of(MICROSOFT_365);
        }
        if (h.equals("smtp.gmail.com") || h.equals("smtp.googlemail.com")) {
            return Optional.of(GOOGLE);
        }
        return Optional.empty();
    }
}
