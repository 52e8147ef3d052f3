package dev.mailhelp.knowledge;

import com.ibm.icu.text.MessagePattern;
import java.util.LinkedHashMap;
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
        Optional<MappingReader> top = MappingReader.of(file, root, problems, file);
        if (top.isEmpty()) {
            return new Located(file, entries, positions);
        }
        MappingReader t = top.get();
        t.entries().forEach((key, value) -> {
            positions.put(key, t.positionOf(key));
            if (!KEY.matcher(key).matches()) {
                t.problem(key, "\"" + key + "\" is not a catalogue key; expected a dotted id such as "
                        + "spf.too-many-lookups or summary.problems (lowercase letters, digits, '-' and '.')");
            }
            Map<String, String> parts = new LinkedHashMap<>();
            if (value instanceof YamlNode.Scalar s) {
                pattern(file, locale, key, Catalogue.TEXT, s.value(), s.position()).ifPresent(p -> parts.put(Catalogue.TEXT, p));
            } else {
                MappingReader.of(file, value, problems, "entry \"" + key + "\"").ifPresent(m -> {
                    m.onlyKeys(Catalogue.FINDING_PARTS);
                    if (!m.has(Catalogue.MESSAGE)) {
                        problems.add(file, m.position(), "entry \"" + key + "\" has no \"message\"; a finding entry "
                                + "needs message and may have fix and evidence");
                    }
                    for (String part : m.entries().keySet()) {
                        if (!Catalogue.FINDING_PARTS.contains(part)) {
                            continue;
                        }
                        YamlNode node = m.entries().get(part);
                        if (node instanceof YamlNode.Scalar s) {
                            pattern(file, locale, key, part, s.value(), s.position()).ifPresent(p -> parts.put(part, p));
                        } else {
                            problems.add(file, node.position(), "\"" + part + "\" of \"" + key + "\" must be a text, but is "
                                    + node.describe());
                        }
                    }
                });
            }
            entries.put(key, parts);
        });
        return new Located(file, entries, positions);
    }

    private Optional<String> pattern(String file, String locale, String key, String part, String text, Position at) {
        String what = (Catalogue.TEXT.equals(part) ? "" : "\"" + part + "\" of ") + "\"" + key + "\"";
        if (text == null || text.isBlank()) {
            problems.add(file, at, what + " is empty; write the sentence (or leave the part out)");
            return Optional.empty();
        }
        String p = text.strip();
        if (p.length() > PART_MAX) {
            problems.add(file, at, what + " is " + p.length() + " characters long; at most " + PART_MAX + " fit");
        }
        if (p.contains("'{") || p.contains("'}")) {
            problems.add(file, at, what + " has an apostrophe right before a brace, which ICU MessageFormat reads as "
                    + "quoting; write ’ or 「」 instead of '");
        }
        try {
            MessagePattern parsed = new MessagePattern(p);
            for (int i = 0; i < parsed.countParts(); i++) {
                if (parsed.getPart(i).getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                    problems.add(file, at, what + " uses a numbered value {" + parsed.getPart(i).getValue()
                            + "}; the catalogues use named values such as {domain} or {count}");
                    break;
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(file, at, what + " is not a valid ICU MessageFormat pattern: " + e.getMessage()
                    + "; check that every { has its }");
            return Optional.empty();
        }
        if (Locales.TRADITIONAL_CHINESE.equals(locale)) {
            TaiwanUsage.problems(p).forEach(problem -> problems.add(file, at, what + ": " + problem));
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
                    problems.add(other.file(), Position.UNKNOWN, "missing translation: \"" + key + "\" (" + en.file()
                            + ":" + en.positions().get(key).line() + ") has no " + locale + " entry");
                    continue;
                }
                Map<String, String> ours = en.entries().get(key);
                Position at = other.positions().get(key);
                if (!ours.keySet().equals(theirs.keySet())) {
                    problems.add(other.file(), at, "\"" + key + "\" has the parts " + new TreeSet<>(theirs.keySet())
                            + " but the English entry has " + new TreeSet<>(ours.keySet()) + "; they must match");
                }
                for (String part : ours.keySet()) {
                    if (theirs.containsKey(part)) {
                        Set<String> a = argumentNames(ours.get(part));
                        Set<String> b = argumentNames(theirs.get(part));
                        if (!a.equals(b)) {
                            problems.add(other.file(), at, "\"" + part + "\" of \"" + key + "\" uses the values " + b
                                    + " but the English text uses " + a + "; they must match");
                        }
                    }
                }
            }
            for (String key : other.entries().keySet()) {
                if (!en.entries().containsKey(key)) {
                    problems.add(other.file(), other.positions().get(key), "\"" + key + "\" has no English entry in "
                            + en.file() + "; every key is written in English first");
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
