package dev.mailhelp.knowledge;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sentences users read, one catalogue per language ({@code knowledge/catalogue/<locale>.yaml}),
 * written as ICU MessageFormat patterns with named values: {@code {domain}},
 * {@code {count, plural, one {# lookup} other {# lookups}}}, {@code {reason, select, ...}}.
 *
 * <p>An entry is either a single text (interface sentences, labels, summaries) or, for a finding
 * code, a mapping of parts: {@code message} (required), {@code fix}, {@code evidence} and {@code admin} (optional).
 * A single text is the part {@link #TEXT}.
 */
public final class Catalogue {

    public static final String TEXT = "text";
    public static final String MESSAGE = "message";
    public static final String FIX = "fix";
    public static final String EVIDENCE = "evidence";
    /** Details for the server admin (a setting, a resolver, a standard), kept out of the user's sentences. */
    public static final String ADMIN = "admin";
    public static final Set<String> FINDING_PARTS = Set.of(MESSAGE, FIX, EVIDENCE, ADMIN);

    public static final Catalogue NONE = new Catalogue(Map.of());

    /** locale -> key -> part -> pattern. */
    private final Map<String, Map<String, Map<String, String>>> patterns;

    public Catalogue(Map<String, Map<String, Map<String, String>>> patterns) {
        Map<String, Map<String, Map<String, String>>> copy = new LinkedHashMap<>();
        patterns.forEach((locale, entries) -> {
            Map<String, Map<String, String>> e = new LinkedHashMap<>();
            entries.forEach((key, parts) -> e.put(key, Map.copyOf(parts)));
            copy.put(locale, java.util.Collections.unmodifiableMap(e));
        });
        this.patterns = java.util.Collections.unmodifiableMap(copy);
    }

    /** True when {@code key} has an entry (in English, the language every entry exists in). */
    public boolean has(String key) {
        return entries(Locales.ENGLISH).containsKey(key);
    }

    public boolean has(String key, String part) {
        return entries(Locales.ENGLISH).getOrDefault(key, Map.of()).containsKey(part);
    }

    /** The keys of one language's catalogue, in file order. */
    public Set<String> keys(String locale) {
        return entries(locale).keySet();
    }

    public Set<String> locales() {
        return patterns.keySet();
    }

    /** The pattern of one part of an entry, in {@code locale} else English. */
    public Optional<String> pattern(String locale, String key, String part) {
        String p = entries(locale).getOrDefault(key, Map.of()).get(part);
        if (p == null) {
            p = entries(Locales.ENGLISH).getOrDefault(key, Map.of()).get(part);
        }
        return Optional.ofNullable(p);
    }

    Map<String, Map<String, String>> entries(String locale) {
        return patterns.getOrDefault(locale, Map.of());
    }

    /**
     * One part of an entry rendered in {@code locale} with {@code values}; empty when the entry or
     * the part does not exist (English is used when only the translation is missing).
     */
    public Optional<String> render(String locale, String key, String part, Map<String, ?> values) {
        return pattern(locale, key, part).map(p -> format(p, locale, values).strip());
    }

    /** A single-text entry rendered with values given as name, value, name, value... */
    public String text(String locale, String key, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return render(locale, key, TEXT, values).orElse(key);
    }

    /** Formats one pattern; lists are joined the way the language lists things. */
    public static String format(String pattern, String locale, Map<String, ?> values) {
        ULocale ulocale = ULocale.forLanguageTag(locale);
        Map<String, Object> args = new LinkedHashMap<>();
        values.forEach((name, value) -> args.put(name, value instanceof List<?> list
                ? ListFormatter.getInstance(ulocale).format(list) : value));
        // ICU formatters are not thread-safe; a pattern is short, so build one per use.
        return new MessageFormat(pattern, ulocale).format(args);
    }
}
