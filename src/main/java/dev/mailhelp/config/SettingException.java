package dev.mailhelp.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A setting or option that cannot be used, as a catalogue key and the values to quote, so each
 * front end words it in its reader's language ({@code setting.*} and {@code cli.*} in
 * {@code knowledge/catalogue/}). The message is the key and the values, for logs only.
 */
public final class SettingException extends IllegalArgumentException {

    private final String key;
    private final Map<String, Object> values;

    /** @param namesAndValues name, value, name, value... as the catalogue entry names them */
    public SettingException(String key, Object... namesAndValues) {
        super(key);
        this.key = key;
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            v.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        this.values = Collections.unmodifiableMap(v);
    }

    /** The same problem with one value set (e.g. the setting it came from). */
    public SettingException with(String name, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(name, value);
        SettingException e = new SettingException(key, v.entrySet().stream()
                .flatMap(x -> java.util.stream.Stream.of(x.getKey(), x.getValue())).toArray());
        e.initCause(this);
        return e;
    }

    public String key() {
        return key;
    }

    public Map<String, Object> values() {
        return values;
    }

    /** The values as name, value, name, value... (for {@code Catalogue.text}). */
    public Object[] namesAndValues() {
        return values.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    }

    @Override
    public String getMessage() {
        return key + " " + values;
    }
}
