package dev.mailhelp.diagnosis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a finding that is itself a sentence part from the catalogue, rendered in the same
 * language before it is put into the finding's sentence: e.g. why a DNS lookup failed
 * ({@code dns.failure.timeout}), shared by every check instead of spelled out in each entry.
 *
 * @param key    a single-text catalogue entry
 * @param values the named values of that entry
 */
public record Phrase(String key, Map<String, Object> values) {

    public Phrase {
        Objects.requireNonNull(key, "key");
        values = values == null || values.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Phrase of(String key) {
        return new Phrase(key, Map.of());
    }

    public Phrase with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new Phrase(key, more);
    }

    @Override
    public String toString() {
        return values.isEmpty() ? key : key + values;
    }
}
