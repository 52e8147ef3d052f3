package dev.mailhelp.knowledge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** All articles by id and language. */
public final class ArticleLibrary {

    private final Map<String, Map<String, Article>> byId;

    public ArticleLibrary(Collection<Article> articles) {
        Map<String, Map<String, Article>> map = new LinkedHashMap<>();
        for (Article a : articles) {
            map.computeIfAbsent(a.id(), k -> new LinkedHashMap<>()).put(a.locale(), a);
        }
        this.byId = map;
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    /** The article in {@code locale}, else in English. */
    public Optional<Article> get(String id, String locale) {
        Map<String, Article> versions = byId.get(id);
        if (versions == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(versions.getOrDefault(locale, versions.get(Locales.ENGLISH)));
    }

    public boolean exists(String id) {
        return byId.containsKey(id);
    }

    /** Articles in {@code locale} whose id, title or tags contain {@code query} (for autocomplete and "read"). */
    public List<Article> search(String query, String locale) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return byId.keySet().stream().map(id -> get(id, locale)).flatMap(Optional::stream)
                .filter(a -> q.isEmpty() || a.id().contains(q) || a.title().toLowerCase(Locale.ROOT).contains(q)
                        || a.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q)))
                .toList();
    }
}
