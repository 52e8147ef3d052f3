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
    private final Wording what;

    public MappingReader(String file, YamlNode.Mapping mapping, Problems problems, Wording what) {
        this.file = file;
        this.mapping = mapping;
        this.problems = problems;
        this.what = what;
    }

    /** Reads {@code node} as a mapping, or records a problem and returns empty. */
    public static Optional<MappingReader> of(String file, YamlNode node, Problems problems, Wording what) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(new MappingReader(file, m, problems, what));
        }
        problems.add(file, node.position(), Problems.problem("not-a-mapping", "what", what, "seen", node.kind()));
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

    /** For readers outside this package not yet worded from the catalogue: the text as it is. */
    public static Optional<MappingReader> of(String file, YamlNode node, Problems problems, String what) {
        return of(file, node, problems, Wording.literal(what));
    }

    public Optional<MappingReader> child(String key, String childWhat) {
        return child(key, Wording.literal(childWhat));
    }

    public void problem(String key, String message) {
        problems.add(file, positionOf(key), message);
    }

    public void problem(String key, Wording wording) {
        problems.add(file, positionOf(key), wording);
    }

    /** The part of the folder this mapping is, for problems the caller words. */
    public Wording what() {
        return what;
    }

    /** Records a problem for each key not in {@code allowed} (usually a typo). */
    public void onlyKeys(Set<String> allowed) {
        for (String key : mapping.entries().keySet()) {
            if (!allowed.contains(key)) {
                problems.add(file, positionOf(key), Problems.problem("unknown-key", "key", key, "what", what,
                        "expected", List.copyOf(new TreeSet<>(allowed))));
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
        problems.add(file, node.position(), Problems.problem("not-a-text", "key", key, "what", what, "seen", node.kind()));
        return Optional.empty();
    }

    public String text(String key) {
        Optional<String> value = optionalText(key);
        if (value.isEmpty() || value.get().isBlank()) {
            if (!has(key) || value.isEmpty() && mapping.entries().get(key) instanceof YamlNode.Scalar) {
                problems.add(file, positionOf(key), Problems.problem("required", "key", key, "what", what));
            } else if (value.isPresent()) {
                problems.add(file, positionOf(key), Problems.problem("required-empty", "key", key, "what", what));
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
                problem(key, Problems.problem("not-a-number", "key", key, "what", what, "value", v));
                return Optional.empty();
            }
        });
    }

    public boolean flag(String key, boolean otherwise) {
        return optionalText(key).map(v -> {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            problem(key, Problems.problem("not-a-flag", "key", key, "what", what, "value", v));
            return otherwise;
        }).orElse(otherwise);
    }

    /** A date written as YYYY-MM-DD (the date a fact was checked). */
    public Optional<LocalDate> date(String key) {
        Optional<String> text = optionalText(key);
        if (text.isEmpty()) {
            problem(key, Problems.problem("date-missing", "key", key, "what", what));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get().trim()));
        } catch (DateTimeParseException e) {
            problem(key, Problems.problem("not-a-date", "key", key, "what", what, "value", text.get()));
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
                    problems.add(file, item.position(), Problems.problem("item-not-a-text", "key", key, "what", what, "seen", item.kind()));
                }
            }
            return out;
        }
        problem(key, Problems.problem("not-a-text-list", "key", key, "what", what));
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
        problem(key, Problems.problem("not-a-list", "key", key, "what", what, "seen", node.kind()));
        return List.of();
    }

    public Optional<MappingReader> child(String key, Wording childWhat) {
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
                problems.add(file, position(), Problems.problem("texts-missing", "key", key, "what", what,
                        "locales", Locales.SUPPORTED));
            }
            return LocalizedText.EMPTY;
        }
        Optional<MappingReader> texts = of(file, node, problems, Problems.what("key-of", "key", key, "what", what));
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
                        Problems.problem("translation-missing", "key", key, "what", what, "locale", locale));
                continue;
            }
            String v = value.get().strip();
            if (maxLength > 0 && v.length() > maxLength) {
                problems.add(file, t.positionOf(locale), Problems.problem("too-long", "key", key, "locale", locale, "what", what,
                        "length", v.length(), "max", maxLength));
            }
            byLocale.put(locale, v);
        }
        return new LocalizedText(new HashMap<>(byLocale));
    }
}
