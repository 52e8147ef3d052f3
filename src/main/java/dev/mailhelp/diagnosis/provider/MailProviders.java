package dev.mailhelp.diagnosis.provider;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The provider catalogue as seen by the domain checks. The knowledge catalogue
 * ({@code knowledge/providers.yaml}) is adapted to this in the composition root, so the checks
 * do not depend on how the catalogue is loaded.
 */
public interface MailProviders {

    /** The provider whose MX pattern matches an MX host name (lower case, no trailing dot). */
    Optional<KnownProvider> byMxHost(String host);

    List<KnownProvider> all();

    /** The provider whose own mail domain this is (gmail.com): its DNS records are the provider's. */
    default Optional<KnownProvider> byOwnDomain(String domain) {
        return Optional.empty();
    }

    /** {@link #of(Function, Supplier)} that also knows the providers' own mail domains. */
    static MailProviders of(Function<String, Optional<KnownProvider>> byMxHost, Supplier<List<KnownProvider>> all,
                            Function<String, Optional<KnownProvider>> byOwnDomain) {
        return new MailProviders() {
            @Override
            public Optional<KnownProvider> byMxHost(String host) {
                return byMxHost.apply(host);
            }

            @Override
            public List<KnownProvider> all() {
                return all.get();
            }

            @Override
            public Optional<KnownProvider> byOwnDomain(String domain) {
                return byOwnDomain.apply(domain);
            }
        };
    }

    /**
     * Adapts any catalogue, e.g. in the composition root:
     * <pre>{@code
     * MailProviders.of(
     *     host -> catalogue.byMxHost(host).map(p -> new KnownProvider(p.id(), p.name(), p.dkimSelectors())),
     *     () -> catalogue.all().stream().map(p -> new KnownProvider(p.id(), p.name(), p.dkimSelectors())).toList());
     * }</pre>
     */
    static MailProviders of(Function<String, Optional<KnownProvider>> byMxHost, Supplier<List<KnownProvider>> all) {
        return new MailProviders() {
            @Override
            public Optional<KnownProvider> byMxHost(String host) {
                return byMxHost.apply(host);
            }

            @Override
            public List<KnownProvider> all() {
                return all.get();
            }
        };
    }

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
