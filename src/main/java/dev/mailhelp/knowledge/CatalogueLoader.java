package dev.mailhelp.knowledge;

import com.ibm.icu.text.MessagePattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the per-language catalogues and checks them as a set: every pattern parses as ICU
 * MessageFormat, every language has the same keys, the same parts and the same named values, and
 * the Traditional Chinese texts use Taiwan's characters and terms. Every problem is recorded with
 * file:line:column.
 */
final class CatalogueLoader {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    // A Discord embed field holds 1024 characters; a message and its fix share one.
    static final int PART_MAX = 900;

    /** Where each entry and part was written, to point at the right line in cross-language problems. */
    private record Located(String file, Map<String, Map<String, String>> entries, Map<String, Position> positions) { }

    private final Problems problems;

    CatalogueLoader(Problems problems) {
        this.problems = problems;
    }

    /** Reads {@code catalogue/<locale>.yaml} for each supported language; {@code roots} maps locale to its parsed file. */
    Catalogue read(Map<String, YamlNode> roots) {
        Map<String, Located> byLocale = new LinkedHashMap<>();
        roots.forEach((locale, root) -> byLocale.put(locale, readOne(file(locale), locale, root)));
        crossCheck(byLocale);
        Map<String, Map<String, Map<String, String>>> patterns = new LinkedHashMap<>();
        byLocale.forEach((locale, l) -> patterns.put(locale, l.entries()));
        return new Catalogue(patterns);
    }

    static String file(String locale) {
        return "catalogue/" + locale + ".yaml";
    }

    private Located readOne(String file, String locale, YamlNode root) {
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        Optional<MappingReader> top = MappingReader.of(file, root, problems, Problems.what("file", "name", file));
        if (top.isEmpty()) {
            return new Located(file, entries, positions);
        }
        MappingReader t = top.get();
        t.entries().forEach((key, value) -> {
            positions.put(key, t.positionOf(key));
            if (!KEY.matcher(key).matches()) {
                t.problem(key, Problems.problem("catalogue-key", "key", key));
            }
            Map<String, String> parts = new LinkedHashMap<>();
            if (value instanceof YamlNode.Scalar s) {
                pattern(file, locale, key, Catalogue.TEXT, s.value(), s.position()).ifPresent(p -> parts.put(Catalogue.TEXT, p));
            } else {
                MappingReader.of(file, value, problems, Problems.what("entry", "key", key)).ifPresent(m -> {
                    m.onlyKeys(Catalogue.FINDING_PARTS);
                    if (!m.has(Catalogue.MESSAGE)) {
                        problems.add(file, m.position(), Problems.problem("entry-no-message", "key", key));
                    }
                    for (String part : m.entries().keySet()) {
                        if (!Catalogue.FINDING_PARTS.contains(part)) {
                            continue;
                        }
                        YamlNode node = m.entries().get(part);
                        if (node instanceof YamlNode.Scalar s) {
                            pattern(file, locale, key, part, s.value(), s.position()).ifPresent(p -> parts.put(part, p));
                        } else {
                            problems.add(file, node.position(), Problems.problem("not-a-text", "key", part,
                                    "what", Problems.what("entry", "key", key), "seen", node.kind()));
                        }
                    }
                });
            }
            entries.put(key, parts);
        });
        return new Located(file, entries, positions);
    }

    private Optional<String> pattern(String file, String locale, String key, String part, String text, Position at) {
        Wording what = Catalogue.TEXT.equals(part) ? Problems.what("entry", "key", key)
                : Problems.what("part-of", "part", part, "key", key);
        if (text == null || text.isBlank()) {
            problems.add(file, at, Problems.problem("pattern-empty", "what", what));
            return Optional.empty();
        }
        String p = text.strip();
        if (p.length() > PART_MAX) {
            problems.add(file, at, Problems.problem("pattern-too-long", "what", what, "length", p.length(), "max", PART_MAX));
        }
        if (p.contains("'{") || p.contains("'}")) {
            problems.add(file, at, Problems.problem("pattern-apostrophe", "what", what));
        }
        try {
            MessagePattern parsed = new MessagePattern(p);
            for (int i = 0; i < parsed.countParts(); i++) {
                if (parsed.getPart(i).getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                    problems.add(file, at, Problems.problem("pattern-numbered", "what", what,
                            "number", String.valueOf(parsed.getPart(i).getValue())));
                    break;
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(file, at, Problems.problem("pattern-invalid", "what", what, "detail", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        if (Locales.TRADITIONAL_CHINESE.equals(locale)) {
            TaiwanUsage.wordings(p).forEach(problem -> problems.add(file, at, Problems.problem("taiwan-usage", "what", what,
                    "problem", problem)));
        }
        return Optional.of(p);
    }

    private void crossCheck(Map<String, Located> byLocale) {
        Located en = byLocale.get(Locales.ENGLISH);
        if (en == null) {
            return;
        }
        byLocale.forEach((locale, other) -> {
            if (other == en) {
                return;
            }
            for (String key : en.entries().keySet()) {
                Map<String, String> theirs = other.entries().get(key);
                if (theirs == null) {
                    problems.add(other.file(), Position.UNKNOWN, Problems.problem("catalogue-translation-missing", "key", key,
                            "where", en.file() + ":" + en.positions().get(key).line(), "locale", locale));
                    continue;
                }
                Map<String, String> ours = en.entries().get(key);
                Position at = other.positions().get(key);
                if (!ours.keySet().equals(theirs.keySet())) {
                    problems.add(other.file(), at, Problems.problem("catalogue-parts", "key", key,
                            "theirs", List.copyOf(new TreeSet<>(theirs.keySet())), "ours", List.copyOf(new TreeSet<>(ours.keySet()))));
                }
                for (String part : ours.keySet()) {
                    if (theirs.containsKey(part)) {
                        Set<String> a = argumentNames(ours.get(part));
                        Set<String> b = argumentNames(theirs.get(part));
                        if (!a.equals(b)) {
                            problems.add(other.file(), at, Problems.problem("catalogue-values",
                                    "what", Problems.what("part-of", "part", part, "key", key),
                                    "theirs", List.copyOf(b), "ours", List.copyOf(a)));
                        }
                    }
                }
            }
            for (String key : other.entries().keySet()) {
                if (!en.entries().containsKey(key)) {
                    problems.add(other.file(), other.positions().get(key), Problems.problem("catalogue-no-english",
                            "key", key, "file", en.file()));
                }
            }
        });
    }

    /** The named values a pattern uses, including those inside plural and select branches. */
    static Set<String> argumentNames(String pattern) {
        Set<String> names = new TreeSet<>();
        MessagePattern parsed = new MessagePattern(pattern);
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }
}
