package dev.mailhelp.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code providers.yaml}; every limit must name its source and the date it was checked. */
final class ProviderLoader {

    static final Set<String> LIMIT_KINDS = Set.of("messages-per-day", "recipients-per-message", "recipients-per-day",
            "messages-per-minute", "messages-per-second", "messages-per-hour", "message-size-mb", "external-recipients-per-day");
    private static final Set<String> SECURITY = Set.of("starttls", "tls", "none");
    private static final Set<String> AUTH_METHODS = Set.of("password", "app-password", "oauth2", "api-key");

    private final String file;
    private final Problems problems;

    ProviderLoader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    ProviderCatalogue read(YamlNode root) {
        List<Provider> providers = new ArrayList<>();
        Optional<MappingReader> top = MappingReader.of(file, root, problems, Problems.what("file", "name", "providers.yaml"));
        if (top.isEmpty()) {
            return new ProviderCatalogue(providers);
        }
        top.get().onlyKeys(Set.of("providers"));
        Map<String, Position> seen = new HashMap<>();
        for (YamlNode item : top.get().list("providers")) {
            MappingReader.of(file, item, problems, Problems.what("a-provider")).ifPresent(p -> {
                Provider provider = provider(p);
                Position earlier = seen.putIfAbsent(provider.id(), p.position());
                if (earlier != null) {
                    problems.add(file, p.position(), Problems.problem("provider-duplicate", "id", provider.id(),
                            "line", String.valueOf(earlier.line())));
                } else {
                    providers.add(provider);
                }
            });
        }
        if (providers.isEmpty()) {
            problems.add(file, root.position(), Problems.problem("no-providers"));
        }
        return new ProviderCatalogue(providers);
    }

    private Provider provider(MappingReader p) {
        p.onlyKeys(Set.of("id", "name", "mx", "smtp_hosts", "smtp", "auth", "dkim_selectors", "limits",
                "limit_codes", "status_page", "support_page", "domains", "contact_note"));
        String id = p.text("id");
        Wording what = Problems.what("provider", "id", id);
        List<Provider.SmtpPreset> presets = new ArrayList<>();
        for (YamlNode node : p.list("smtp")) {
            MappingReader.of(file, node, problems, Problems.what("provider-smtp", "id", id)).ifPresent(s -> {
                s.onlyKeys(Set.of("host", "port", "security"));
                String security = s.text("security");
                if (!security.isEmpty() && !SECURITY.contains(security)) {
                    s.problem("security", Problems.problem("security-unknown", "security", security, "what", what,
                            "expected", sorted(SECURITY)));
                }
                long port = s.optionalNumber("port").orElse(0L);
                if (port < 1 || port > 65535) {
                    s.problem("port", Problems.problem("port", "what", what));
                }
                presets.add(new Provider.SmtpPreset(s.text("host"), (int) port, security));
            });
        }
        Provider.Auth auth = p.child("auth", Problems.what("provider-auth", "id", id)).map(a -> {
            a.onlyKeys(Set.of("methods", "note", "source", "checked"));
            List<String> methods = a.texts("methods");
            methods.stream().filter(m -> !AUTH_METHODS.contains(m)).forEach(m ->
                    a.problem("methods", Problems.problem("auth-method-unknown", "method", m, "what", what,
                            "expected", sorted(AUTH_METHODS))));
            LocalizedText note = a.localized("note", true, 1000);
            Optional<Source> source = source(a, Problems.what("provider-auth", "id", id));
            return new Provider.Auth(methods, note, source);
        }).orElse(new Provider.Auth(List.of(), LocalizedText.EMPTY, Optional.empty()));
        List<Provider.Limit> limits = new ArrayList<>();
        for (YamlNode node : p.list("limits")) {
            MappingReader.of(file, node, problems, Problems.what("provider-limit", "id", id)).ifPresent(l -> {
                l.onlyKeys(Set.of("kind", "value", "note", "source", "checked"));
                String kind = l.text("kind");
                if (!kind.isEmpty() && !LIMIT_KINDS.contains(kind)) {
                    l.problem("kind", Problems.problem("limit-kind-unknown", "kind", kind, "what", what,
                            "expected", sorted(LIMIT_KINDS)));
                }
                Optional<Long> value = l.optionalNumber("value");
                LocalizedText note = l.localized("note", value.isEmpty(), 400);
                if (value.isEmpty() && !l.has("note")) {
                    l.problem("kind", Problems.problem("limit-empty", "what", Problems.what("provider-limit-kind", "kind", kind, "id", id)));
                }
                source(l, Problems.what("provider-limit-kind", "kind", kind, "id", id)).ifPresent(src -> limits.add(new Provider.Limit(kind, value, note, src)));
            });
        }
        return new Provider(id, p.text("name"), p.texts("mx"), p.texts("smtp_hosts"), presets, auth,
                p.texts("dkim_selectors"), limits, p.texts("limit_codes"),
                url(p, "status_page", what), url(p, "support_page", what),
                p.texts("domains").stream().map(d -> d.toLowerCase(java.util.Locale.ROOT)).toList(),
                p.localized("contact_note", false, 600));
    }

    /** A fact's source: a URL and the date it was checked; both are required. */
    private static List<String> sorted(java.util.Collection<String> names) {
        return List.copyOf(new java.util.TreeSet<>(names));
    }

    private Optional<Source> source(MappingReader m, Wording what) {
        Optional<String> url = m.optionalText("source");
        if (url.isEmpty()) {
            m.problem("source", Problems.problem("source-missing", "what", what));
            return Optional.empty();
        }
        if (!url.get().startsWith("https://") && !url.get().startsWith("http://")) {
            m.problem("source", Problems.problem("not-a-url", "key", "source", "what", what, "value", url.get()));
        }
        return m.date("checked").map(d -> new Source(url.get(), d));
    }

    private String url(MappingReader m, String key, Wording what) {
        String url = m.text(key);
        if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
            m.problem(key, Problems.problem("not-a-url", "key", key, "what", what, "value", url));
        }
        return url;
    }
}
