package dev.mailhelp.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to one YAML mapping that records a precise problem for each missing or ill-typed
 * value instead of throwing, so one load reports every defect at once.
 */
public final class MappingReader {

    private final String file;
    private final YamlNode.Mapping mapping;
    private final Problems problems;
    private final String what;

    public MappingReader(String file, YamlNode.Mapping mapping, Problems problems, String what) {
        this.file = file;
        this.mapping = mapping;
        this.problems = problems;
        this.what = what;
    }

    /** Reads {@code node} as a mapping, or records a problem and returns empty. */
    public static Optional<MappingReader> of(String file, YamlNode node, Problems problems, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(new MappingReader(file, m, problems, what));
        }
        problems.add(file, node.position(), what + " must be a mapping of keys to values, but is " + node.describe());
        return Optional.empty();
    }

    public Position position() {
        return mapping.position();
    }

    public Position positionOf(String key) {
        return mapping.keys().getOrDefault(key, mapping.position());
    }

    public Map<String, YamlNode> entries() {
        return mapping.entries();
    }

    public boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    public void problem(String key, String message) {
        problems.add(file, positionOf(key), message);
    }

    /** Records a problem for each key not in {@code allowed} (usually a typo). */
    public void onlyKeys(Set<String> allowed) {
        for (String key : mapping.entries().keySet()) {
            if (!allowed.contains(key)) {
                problems.add(file, positionOf(key), "unknown key \"" + key + "\" in " + what
                        + "; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    public Optional<String> optionalText(String key) {
        YamlNode node = mapping.entries().get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar s) {
            return Optional.ofNullable(s.value());
        }
        problems.add(file, node.position(), "\"" + key + "\" in " + what + " must be a text, but is " + node.describe());
        return Optional.empty();
    }

    public String text(String key) {
        Optional<String> value = optionalText(key);
        if (value.isEmpty() || value.get().isBlank()) {
            if (!has(key) || value.isEmpty() && mapping.entries().get(key) instanceof YamlNode.Scalar) {
                problems.add(file, positionOf(key), what + " has no \"" + key + "\"; it is required");
            } else if (value.isPresent()) {
                problems.add(file, positionOf(key), "\"" + key + "\" in " + what + " is empty; it is required");
            }
            return "";
        }
        return value.get();
    }

    public Optional<Long> optionalNumber(String key) {
        return optionalText(key).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.replace("_", "").trim()));
            } catch (NumberFormatException e) {
                problem(key, "\"" + key + "\" in " + what + " must be a whole number, but is \"" + v + "\"");
                return Optional.empty();
            }
        });
    }

    public boolean flag(String key, boolean otherwise) {
        return optionalText(key).map(v -> {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            problem(key, "\"" + key + "\" in " + what + " must be true or false, but is \"" + v + "\"");
            return otherwise;
        }).orElse(otherwise);
    }

    /** A date written as YYYY-MM-DD (the date a fact was checked). */
    public Optional<LocalDate> date(String key) {
        Optional<String> text = optionalText(key);
        if (text.isEmpty()) {
            problem(key, what + " has no \"" + key + "\"; expected the date it was checked as YYYY-MM-DD");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get().trim()));
        } catch (DateTimeParseException e) {
            problem(key, "\"" + key + "\" in " + what + " must be a date YYYY-MM-DD, but is \"" + text.get() + "\"");
            return Optional.empty();
        }
    }

    /** A list of texts; a single text is accepted as a list of one. */
    public List<String> texts(String key) {
        YamlNode node = mapping.entries().get(key);
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node instanceof YamlNode.Scalar s) {
            if (s.value() != null) {
                out.add(s.value());
            }
            return out;
        }
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && s.value() != null) {
                    out.add(s.value());
                } else {
                    problems.add(file, item.position(), "items of \"" + key + "\" in " + what
                            + " must be texts, but one is " + item.describe());
                }
            }
            return out;
        }
        problem(key, "\"" + key + "\" in " + what + " must be a list of texts, but is a mapping");
        return out;
    }

    public List<YamlNode> list(String key) {
        YamlNode node = mapping.entries().get(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof YamlNode.Sequence seq) {
            return seq.items();
        }
        problem(key, "\"" + key + "\" in " + what + " must be a list, but is " + node.describe());
        return List.of();
    }

    public Optional<MappingReader> child(String key, String childWhat) {
        YamlNode node = mapping.entries().get(key);
        return node == null ? Optional.empty() : of(file, node, problems, childWhat);
    }

    /**
     * A localised text: a mapping of language to text. Missing languages are problems so that
     * no user ever meets an untranslated step.
     */
    public LocalizedText localized(String key, boolean required, int maxLength) {
        YamlNode node = mapping.entries().get(key);
        if (node == null) {
            if (required) {
                problems.add(file, position(), what + " has no \"" + key + "\"; expected a text per language "
                        + Locales.SUPPORTED);
            }
            return LocalizedText.EMPTY;
        }
        Optional<MappingReader> texts = of(file, node, problems, "\"" + key + "\" of " + what);
        if (texts.isEmpty()) {
            return LocalizedText.EMPTY;
        }
        MappingReader t = texts.get();
        t.onlyKeys(Set.copyOf(Locales.SUPPORTED));
        Map<String, String> byLocale = new LinkedHashMap<>();
        for (String locale : Locales.SUPPORTED) {
            Optional<String> value = t.optionalText(locale);
            if (value.isEmpty() || value.get().isBlank()) {
                problems.add(file, t.has(locale) ? t.positionOf(locale) : t.position(),
                        "missing translation: \"" + key + "\" of " + what + " has no " + locale + " text");
                continue;
            }
            String v = value.get().strip();
            if (maxLength > 0 && v.length() > maxLength) {
                problems.add(file, t.positionOf(locale), "\"" + key + "\" (" + locale + ") of " + what + " is "
                        + v.length() + " characters long; at most " + maxLength + " fit");
            }
            byLocale.put(locale, v);
        }
        return new LocalizedText(new HashMap<>(byLocale));
    }
}
