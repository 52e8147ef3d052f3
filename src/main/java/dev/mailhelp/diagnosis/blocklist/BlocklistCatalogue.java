package dev.mailhelp.diagnosis.blocklist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The lists of {@code knowledge/blocklists.yaml}, loaded and checked. */
public record BlocklistCatalogue(List<Blocklist> lists) {

    public static final String FILE_NAME = "blocklists.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public BlocklistCatalogue {
        lists = List.copyOf(lists);
        Set<String> ids = new HashSet<>();
        for (Blocklist b : lists) {
            if (!ids.add(b.id())) {
                throw new IllegalArgumentException("list id '" + b.id() + "' is used twice; ids must be unique");
            }
        }
    }

    /** The file's top level. */
    private record FileContent(List<Blocklist> lists) {
        @JsonCreator
        FileContent(@JsonProperty("lists") List<Blocklist> lists) {
            if (lists == null || lists.isEmpty()) {
                throw new IllegalArgumentException("'lists' is missing or empty");
            }
            this.lists = lists;
        }
    }

    /**
     * Loads a catalogue file.
     *
     * @throws CatalogueException with {@code file:line:column: path: what is wrong; what is expected}
     */
    public static BlocklistCatalogue load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CatalogueException(file + ": file not found (the blocklist catalogue is knowledge/" + FILE_NAME + ")", e);
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses catalogue text; {@code source} names it in error messages. */
    public static BlocklistCatalogue parse(String text, String source) {
        FileContent content;
        try {
            content = YAML.readValue(text, FileContent.class);
        } catch (JsonMappingException e) {
            String path = path(e);
            JsonLocation location = bestLocation(YamlLocations.of(text), path, e);
            throw new CatalogueException(describe(source, location, path, e.getOriginalMessage(), e), e);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(describe(source, e.getLocation(), "", e.getOriginalMessage(), e), e);
        } catch (RuntimeException e) {
            // the YAML library itself can fail on some malformed text (found by fuzzing: an index out of bounds)
            throw new CatalogueException(source + ": not readable as YAML (malformed text; check quotes, brackets"
                    + " and unusual characters)", e);
        }
        if (content == null) {
            throw new CatalogueException(source + ": the file is empty; expected 'lists:' with at least one list", null);
        }
        try {
            return new BlocklistCatalogue(content.lists());
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(source + ":" + lineOfSecondId(text, e.getMessage()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Jackson reports errors of a whole entry at its end; point instead at the field the message
     * names ('zone'), else at the entry's first line.
     */
    private static JsonLocation bestLocation(YamlLocations locations, String path, JsonMappingException e) {
        if (e.getCause() instanceof JsonProcessingException) {
            JsonLocation syntax = ((JsonProcessingException) e.getCause()).getLocation();
            if (syntax != null) {
                return syntax; // a YAML syntax error: the parser knows exactly where
            }
        }
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : String.valueOf(e.getOriginalMessage());
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'([a-z_]+)'").matcher(message);
        if (quoted.find()) {
            Optional<JsonLocation> field = locations.at(path.isEmpty() ? quoted.group(1) : path + "." + quoted.group(1));
            if (field.isPresent()) {
                return field.get();
            }
        }
        return locations.at(path).orElse(e.getLocation());
    }

    private static String describe(String source, JsonLocation location, String path, String message, Exception e) {
        Throwable cause = e.getCause();
        String why;
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u =
                    (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) e;
            why = "unknown field '" + u.getPropertyName() + "'; expected one of "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        } else {
            why = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : cleanup(cause instanceof JsonProcessingException ? ((JsonProcessingException) cause).getOriginalMessage() : message);
        }
        String at = location == null ? "" : location.getLineNr() + ":" + location.getColumnNr() + ":";
        return source + ":" + at + (path.isEmpty() ? "" : " " + path + ":") + " " + why;
    }

    private static String cleanup(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        message = message.lines().findFirst().orElse("").strip(); // drop the parser's source excerpt
        // Jackson names Java classes; say what the file should contain instead.
        java.util.regex.Matcher type = java.util.regex.Pattern
                .compile("Cannot deserialize value of type `([^`]*)` from ([A-Za-z]+) value.*", java.util.regex.Pattern.DOTALL)
                .matcher(message);
        if (type.find()) {
            String wanted = type.group(1);
            String expected = wanted.endsWith("String") ? "text" : wanted.endsWith("Boolean") || wanted.equals("boolean")
                    ? "true or false" : wanted.startsWith("java.util.List") ? "a list" : wanted.startsWith("java.util.Map")
                    ? "a mapping (key: value)" : "a mapping (key: value)";
            String found = type.group(2).toLowerCase(java.util.Locale.ROOT);
            return "expected " + expected + ", found " + ("array".equals(found) ? "a list" : "object".equals(found)
                    ? "a mapping" : "a " + found + " value");
        }
        return message.replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("dev\\.mailhelp\\.diagnosis\\.blocklist\\.[A-Za-z$]+", "list entry")
                .replace("not marked as ignorable", "not a known field")
                .strip();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String lineOfSecondId(String text, String message) {
        int q1 = message.indexOf('\'');
        int q2 = message.indexOf('\'', q1 + 1);
        if (q1 < 0 || q2 < 0) {
            return "";
        }
        String id = message.substring(q1 + 1, q2);
        String[] lines = text.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\s*(-\\s+)?id:\\s*['\"]?" + java.util.regex.Pattern.quote(id) + "['\"]?\\s*(#.*)?")) {
                if (++seen == 2) {
                    return (i + 1) + ":" + (lines[i].indexOf("id:") + 1);
                }
            }
        }
        return "";
    }

    public Optional<Blocklist> byId(String id) {
        return lists.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The lists to query when the user did not pick any: those marked default-on whose key (if needed) is set. */
    public List<Blocklist> defaults(Map<String, String> env) {
        return lists.stream().filter(Blocklist::defaultOn).filter(b -> b.usable(env)).collect(Collectors.toList());
    }

    public List<Blocklist> ofKind(Blocklist.Kind kind) {
        return lists.stream().filter(b -> b.kind() == kind).collect(Collectors.toList());
    }
}
