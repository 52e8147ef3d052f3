package dev.mailhelp.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text with Jackson's streaming parser into a {@link YamlNode} tree with positions.
 * Duplicate keys are reported (YAML parsers silently keep the last one, which hides copy-paste
 * mistakes such as two nodes with the same id).
 */
public final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final Problems problems;

    public YamlTreeReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Parses {@code text}; on a syntax error records a problem and returns empty. */
    public Optional<YamlNode> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(file, Position.UNKNOWN, Problems.problem("empty-file"));
                return Optional.empty();
            }
            YamlNode root = readValue(parser, 1);
            if (parser.nextToken() != null) {
                // Jackson reads a stream of documents; everything after the first would be ignored
                problems.add(file, position(parser), Problems.problem("second-document"));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (TooDeep e) {
            problems.add(file, e.at, Problems.problem("too-deep", "max", MAX_DEPTH));
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            Position pos = loc == null ? Position.UNKNOWN : new Position(loc.getLineNr(), loc.getColumnNr());
            problems.add(file, pos, cutEscape(e) ? Problems.problem("yaml-cut-escape")
                    : Problems.problem("yaml-syntax", "detail", syntaxError(e).replaceAll("\\s+", " ")));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(file, Position.UNKNOWN, Problems.problem("unreadable", "detail", String.valueOf(e.getMessage())));
            return Optional.empty();
        } catch (RuntimeException e) {
            // the YAML library itself can fail on some malformed text (found by fuzzing)
            problems.add(file, Position.UNKNOWN, Problems.problem("not-yaml"));
            return Optional.empty();
        }
    }

    /** A Java class name in parentheses, as the YAML library puts the cause into its message. */
    private static final java.util.regex.Pattern JAVA_CLASS =
            java.util.regex.Pattern.compile("\\s*\\((?:java|javax|com|org)\\.[\\w.$]+\\)");

    /**
     * A quoted value cut off right after "\\u", "\\x" or "\\U" (the file ends there) makes the
     * library fail to read the hex digits and report a number error (found by fuzzing): said in our
     * words instead ({@code knowledge.problem.yaml-cut-escape}).
     */
    static boolean cutEscape(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return e.getCause() instanceof NumberFormatException || message.contains("NumberFormatException");
    }

    /** The library's own words, without the Java class names it sometimes includes (shown as it wrote them). */
    static String syntaxError(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String cleaned = JAVA_CLASS.matcher(message).replaceAll("").trim();
        return cleaned.isEmpty() ? "not readable as YAML (malformed text)" : cleaned;
    }

    /** Deepest nesting read; the project's files use about six levels. */
    static final int MAX_DEPTH = 100;

    /** Stops reading a document nested deeper than {@link #MAX_DEPTH}, where it happens. */
    private static final class TooDeep extends IOException {
        private static final long serialVersionUID = 1L;
        final transient Position at;

        TooDeep(Position at) {
            super("too deep", null);
            this.at = at;
        }
    }

    private YamlNode readValue(JsonParser p, int depth) throws IOException {
        Position pos = position(p);
        if (depth > MAX_DEPTH) {
            throw new TooDeep(pos);
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Position> keys = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                Position keyPos = position(p);
                p.nextToken();
                YamlNode value = readValue(p, depth + 1);
                if (entries.containsKey(key)) {
                    problems.add(file, keyPos, Problems.problem("duplicate-key", "key", key,
                            "line", String.valueOf(keys.get(key).line())));
                    continue;
                }
                entries.put(key, value);
                keys.put(key, keyPos);
            }
            return new YamlNode.Mapping(entries, keys, pos);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(p, depth + 1));
            }
            return new YamlNode.Sequence(items, pos);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new YamlNode.Scalar(null, pos);
        }
        return new YamlNode.Scalar(p.getText(), pos);
    }

    private static Position position(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? Position.UNKNOWN : new Position(loc.getLineNr(), loc.getColumnNr());
    }
}
