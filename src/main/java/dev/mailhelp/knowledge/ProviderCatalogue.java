package dev.mailhelp.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The providers of {@code knowledge/providers.yaml}, searchable by MX host, SMTP host and id. */
public final class ProviderCatalogue {

    private final List<Provider> providers;
    private final List<List<Pattern>> mxMatchers;

    public ProviderCatalogue(List<Provider> providers) {
        this.providers = List.copyOf(providers);
        this.mxMatchers = this.providers.stream().map(p -> p.mxPatterns().stream().map(ProviderCatalogue::glob).toList()).toList();
    }

    public List<Provider> all() {
        return providers;
    }

    public Optional<Provider> byId(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The first provider whose MX patterns match {@code host} (several may share MX hosts: see {@link #allByMxHost}). */
    public Optional<Provider> byMxHost(String host) {
        List<Provider> all = allByMxHost(host);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public List<Provider> allByMxHost(String host) {
        String h = normalise(host);
        List<Provider> out = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            if (mxMatchers.get(i).stream().anyMatch(p -> p.matcher(h).matches())) {
                out.add(providers.get(i));
            }
        }
        return out;
    }

    /** The provider whose outgoing server is {@code host} (exact name or a listed preset host). */
    public Optional<Provider> bySmtpHost(String host) {
        String h = normalise(host);
        return providers.stream().filter(p -> p.smtpHosts().stream().anyMatch(s -> normalise(s).equals(h))
                || p.smtp().stream().anyMatch(s -> normalise(s.host()).equals(h))).findFirst();
    }

    /** The provider whose own mail domain {@code domain} is (gmail.com, outlook.com, hinet.net). */
    public Optional<Provider> byOwnDomain(String domain) {
        String d = normalise(domain);
        return providers.stream().filter(p -> p.domains().contains(d)).findFirst();
    }

    /** DKIM selectors of every provider, for the "try common selectors" scan. */
    public List<String> allDkimSelectors() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        providers.forEach(p -> out.addAll(p.dkimSelectors()));
        return List.copyOf(out);
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** {@code *} stands for one or more labels, so {@code *.google.com} matches {@code aspmx.l.google.com}. */
    static Pattern glob(String pattern) {
        return Pattern.compile(java.util.Arrays.stream(normalise(pattern).split("\\*", -1))
                .map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining("[a-z0-9-]+(?:\\.[a-z0-9-]+)*")));
    }
}
