package dev.mailhelp.diagnosis.dkim;

import java.util.List;

/**
 * Selectors tried when the user names none. A domain may use any selector name, so a miss here
 * proves nothing; these are the names the big senders give their customers, so a hit is likely
 * when the domain uses one of them.
 */
public final class CommonSelectors {

    /** Provider, then its selectors, for the record; the order is the order of the report. */
    public static final List<String> LIST = List.of(
            "google",                                  // Google Workspace
            "selector1", "selector2",                  // Microsoft 365
            "k1", "k2", "k3",                          // Mailchimp
            "mte1", "mandrill",                        // Mailchimp Transactional (Mandrill)
            "s1", "s2",                                // SendGrid
            "amazonses",                               // Amazon SES (legacy TXT selector; Easy DKIM uses generated CNAMEs)
            "mg", "mailo", "smtp", "krs",              // Mailgun
            "pm",                                      // Postmark
            "mail", "brevo1", "brevo2",                // Brevo (Sendinblue)
            "zmail", "zoho",                           // Zoho Mail
            "fm1", "fm2", "fm3",                       // Fastmail
            "sig1",                                    // iCloud custom domains
            "protonmail", "protonmail2", "protonmail3", // Proton Mail
            "default", "dkim", "key1", "selector");    // defaults of common MTAs and hosting panels

    private CommonSelectors() {
    }
}
