package dev.mailhelp.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A mail provider or sending service from {@code knowledge/providers.yaml}: how to recognise it,
 * how to configure a client for it, its sending limits (each with a source) and where to get help.
 * {@code contactNote} says where help really is when that is not a ticket (free Gmail has none).
 * {@code domains} are the provider's own mail domains (gmail.com): their DNS is the provider's, not the user's.
 */
public record Provider(String id, String name, List<String> mxPatterns, List<String> smtpHosts,
                       List<SmtpPreset> smtp, Auth auth, List<String> dkimSelectors, List<Limit> limits,
                       List<String> limitCodes, String statusPage, String supportPage, List<String> domains,
                       LocalizedText contactNote) {

    public Provider {
        domains = List.copyOf(domains);
        mxPatterns = List.copyOf(mxPatterns);
        smtpHosts = List.copyOf(smtpHosts);
        smtp = List.copyOf(smtp);
        dkimSelectors = List.copyOf(dkimSelectors);
        limits = List.copyOf(limits);
        limitCodes = List.copyOf(limitCodes);
    }

    /** A recommended client setting; {@code security} is {@code starttls}, {@code tls} (implicit) or {@code none}. */
    public record SmtpPreset(String host, int port, String security) { }

    /** How clients authenticate today, e.g. {@code oauth2}, {@code app-password}, with current guidance. */
    public record Auth(List<String> methods, LocalizedText note, Optional<Source> source) {
        public Auth {
            methods = List.copyOf(methods);
        }
    }

    /**
     * One sending limit. {@code kind} is e.g. {@code messages-per-day}; {@code value} is absent
     * where the figure could not be confirmed (the note says so).
     */
    public record Limit(String kind, Optional<Long> value, LocalizedText note, Source source) { }

    /** The current authentication guidance in {@code locale} (falls back to English). */
    public String authNote(String locale) {
        return auth == null ? "" : auth.note().in(locale);
    }
}
