package dev.mailhelp.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node was written. Jackson's own
 * {@code JsonNode} forgets positions, and editors need "tree.yaml:42:7: unknown node" rather than
 * "somewhere in tree.yaml".
 */
public sealed interface YamlNode {

    Position position();

    /** A scalar; {@code value} is null for YAML null ({@code ~}, {@code null} or nothing). */
    record Scalar(String value, Position position) implements YamlNode { }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping; {@code keys} holds where each key was written (for "unknown key" problems). */
    record Mapping(Map<String, YamlNode> entries, Map<String, Position> keys, Position position) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keys = Map.copyOf(keys);
        }
    }

    /** What the node is, for problems: nothing, the text "…", a list or a mapping ({@code knowledge.seen}). */
    default Wording kind() {
        if (this instanceof Scalar s) {
            return Wording.of("knowledge.seen", "kind", s.value() == null ? "nothing" : "text",
                    "text", s.value() == null ? "" : s.value());
        }
        return Wording.of("knowledge.seen", "kind", this instanceof Sequence ? "list" : "mapping", "text", "");
    }

    /** A short name of the node's kind for messages ("a list", "a text"). */
    default String describe() {
        if (this instanceof Scalar s) {
            return s.value() == null ? "nothing" : "the text \"" + s.value() + "\"";
        }
        return this instanceof Sequence ? "a list" : "a mapping";
    }
}
