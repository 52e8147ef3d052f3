package dev.mailhelp.diagnosis.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A DKIM / ARC tag=value list (RFC 6376 3.2): folding white space around names and values is
 * ignored, a tag may appear once, the last empty segment after a ';' is allowed.
 *
 * @param tags      tag name to value, in order, white space around the value removed
 * @param duplicate the first tag seen twice, if any (which makes the list invalid)
 * @param malformed the first segment that is not name=value, if any
 */
public record TagList(Map<String, String> tags, Optional<String> duplicate, Optional<String> malformed) {

    public static TagList parse(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        String duplicate = null;
        String malformed = null;
        for (String segment : value.split(";", -1)) {
            String part = segment.replace("\r\n", "").strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                malformed = malformed == null ? part : malformed;
                continue;
            }
            String name = part.substring(0, eq).strip();
            String v = part.substring(eq + 1).strip();
            if (tags.containsKey(name) && duplicate == null) {
                duplicate = name;
            }
            tags.put(name, v);
        }
        return new TagList(Map.copyOf(tags), Optional.ofNullable(duplicate), Optional.ofNullable(malformed));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    public boolean has(String name) {
        return tags.containsKey(name);
    }

    /** A value with all white space removed (base64 values may be folded anywhere). */
    public Optional<String> compact(String name) {
        return get(name).map(v -> v.replaceAll("[ \\t\\r\\n]", ""));
    }
}
