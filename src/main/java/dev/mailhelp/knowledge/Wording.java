package dev.mailhelp.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sentence of the catalogue by key and named values, worded only when it is shown, in the
 * reader's language: a problem of the knowledge folder ({@code knowledge.problem.*}) or the part
 * of the folder it is about ({@code knowledge.what.*}). Values are texts, numbers, lists or
 * wordings. A wording without a key is a text that has no catalogue entry yet (a library's own
 * words, or a part of the program not converted), shown as it is.
 *
 * @param key    the catalogue entry, or null for a text shown as it is
 * @param values the named values, or the text itself under {@code "text"} when there is no key
 */
public record Wording(String key, Map<String, Object> values) {

    public Wording {
        values = values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The entry {@code key} with values given as name, value, name, value... */
    public static Wording of(String key, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new Wording(key, values);
    }

    /** A text with no catalogue entry, shown as it is in every language. */
    public static Wording literal(String text) {
        return new Wording(null, Map.of("text", text == null ? "" : text));
    }

    /** This wording in {@code locale} from {@code catalogue}; values that are wordings are worded first. */
    public String in(String locale, Catalogue catalogue) {
        if (key == null) {
            return String.valueOf(values.get("text"));
        }
        Map<String, Object> worded = new LinkedHashMap<>();
        values.forEach((name, value) -> worded.put(name, value instanceof List<?> list
                ? list.stream().map(v -> one(v, locale, catalogue)).toList() : one(value, locale, catalogue)));
        return catalogue.render(locale, key, Catalogue.TEXT, worded).orElse(key + worded);
    }

    private static Object one(Object value, String locale, Catalogue catalogue) {
        if (value instanceof Choices c) {
            return com.ibm.icu.text.ListFormatter.getInstance(com.ibm.icu.util.ULocale.forLanguageTag(locale),
                    com.ibm.icu.text.ListFormatter.Type.OR, com.ibm.icu.text.ListFormatter.Width.WIDE).format(c.items());
        }
        return value instanceof Wording w ? w.in(locale, catalogue) : value;
    }

    /**
     * Names of which one was expected, written as the language lists alternatives ("a, b, or c";
     * 「a、b或c」).
     *
     * @param items the names, in the order shown
     */
    public record Choices(List<String> items) {
        public Choices {
            items = List.copyOf(items);
        }
    }

    /** In English, from the catalogue packed with the program (for logs and exception messages). */
    @Override
    public String toString() {
        return in(Locales.ENGLISH, ProblemWords.english());
    }
}
