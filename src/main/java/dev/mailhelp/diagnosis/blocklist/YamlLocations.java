package dev.mailhelp.diagnosis.blocklist;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a YAML document starts, by path ({@code lists[3].codes[0].category}), so
 * that errors found after a whole entry was read can still point at the line that is wrong.
 */
final class YamlLocations {

    private final Map<String, JsonLocation> byPath = new HashMap<>();

    private YamlLocations() {
    }

    /** Locations of a document; empty when it cannot be read at all (the parse error says where then). */
    static YamlLocations of(String text) {
        YamlLocations out = new YamlLocations();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> index = new ArrayDeque<>();
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.pop();
                    index.pop();
                    field = null;
                    continue;
                }
                String parent = path.isEmpty() ? "" : path.peek();
                String here;
                if (!index.isEmpty() && index.peek() >= 0) {
                    int i = index.pop();
                    index.push(i + 1);
                    here = parent + "[" + i + "]";
                } else {
                    here = field == null ? parent : parent.isEmpty() ? field : parent + "." + field;
                }
                out.byPath.putIfAbsent(here, p.currentTokenLocation());
                if (t == JsonToken.START_OBJECT) {
                    path.push(here);
                    index.push(-1);
                } else if (t == JsonToken.START_ARRAY) {
                    path.push(here);
                    index.push(0);
                }
                field = null;
            }
        } catch (IOException e) {
            // unreadable YAML: the parser's own error carries the location
        }
        return out;
    }

    Optional<JsonLocation> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }
}
