package dev.mailhelp.diagnosis.provider;

import java.util.List;
import java.util.Optional;

/**
 * The provider catalogue as seen by the domain checks. The knowledge catalogue
 * ({@code knowledge/providers.yaml}) is adapted to this in the composition root, so the checks
 * do not depend on how the catalogue is loaded.
 */
public interface MailProviders {

    /** The provider whose MX pattern matches an MX host name (lower case, no trailing dot). */
    Optional<KnownProvider> byMxHost(String host);

    List<KnownProvider> all();

    /** No catalogue: nothing is recognised. */
    MailProviders NONE = new MailProviders() {
        @Override
        public Optional<KnownProvider> byMxHost(String host) {
            return Optional.empty();
        }

        @Override
        public List<KnownProvider> all() {
            return List.of();
        }
    };
}
