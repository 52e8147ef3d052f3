package dev.mailhelp.diagnosis.smtp;

import java.util.List;
import java.util.Optional;

/**
 * Knows the mail providers' recommended SMTP settings and sign-in guidance. The knowledge
 * catalogue ({@code knowledge/providers.yaml}, through {@link CatalogueSmtpProviders}) is the
 * source; the probe only needs this much of it.
 */
@FunctionalInterface
public interface SmtpProviderGuide {

    /** The provider whose outgoing server {@code host} is, with its guidance in {@code locale}. */
    Optional<Provider> bySmtpHost(String host, String locale);

    /** No provider knowledge: the probe then judges by the standards alone. */
    SmtpProviderGuide NONE = (host, locale) -> Optional.empty();

    /**
     * @param id       stable id, e.g. {@code microsoft365}
     * @param name     display name
     * @param presets  the settings the provider recommends
     * @param authNote how to sign in today (app passwords, OAuth, SMTP AUTH per mailbox), in the user's language
     * @param sources  where the guidance comes from, each with the date it was checked
     */
    record Provider(String id, String name, List<Preset> presets, String authNote, List<String> sources) {
        public Provider {
            presets = List.copyOf(presets);
            sources = List.copyOf(sources);
        }
    }

    /** @param security {@code starttls} or {@code tls} (implicit TLS) */
    record Preset(String host, int port, String security) {
        public String describe() {
            return host + " port " + port + " with " + (security.equals("tls") ? "SSL/TLS" : "STARTTLS");
        }
    }
}
