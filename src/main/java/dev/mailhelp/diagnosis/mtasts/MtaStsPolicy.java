package dev.mailhelp.diagnosis.mtasts;

import dev.mailhelp.diagnosis.Phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An MTA-STS policy file (RFC 8461 3.2): {@code key: value} lines.
 *
 * @param mode     enforce, testing or none; empty when missing or invalid
 * @param mx       the mx patterns, e.g. {@code mail.example.com} or {@code *.example.net}
 * @param maxAge   seconds; empty when missing or invalid
 * @param problems syntax problems, each a catalogue phrase ({@code mta-sts.policy-problem})
 */
public record MtaStsPolicy(Optional<String> mode, List<String> mx, Optional<Long> maxAge, List<Phrase> problems) {

    /** RFC 8461 3.2: max_age is at most 31557600 (about a year). */
    static final long MAX_AGE_LIMIT = 31_557_600L;

    public MtaStsPolicy {
        mx = List.copyOf(mx);
        problems = List.copyOf(problems);
    }

    public static MtaStsPolicy parse(String body) {
        List<Phrase> problems = new ArrayList<>();
        List<String> mx = new ArrayList<>();
        Optional<String> version = Optional.empty();
        Optional<String> mode = Optional.empty();
        Optional<Long> maxAge = Optional.empty();
        String[] lines = body.split("\r?\n", -1);
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                problems.add(problem("not_key_value").with("line", String.valueOf(n)).with("text", line.strip()));
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "version":
                    if (!value.equals("STSv1")) {
                        problems.add(problem("version").with("text", value));
                    }
                    version = Optional.of(value);
                    break;
                case "mode":
                    if (value.equals("enforce") || value.equals("testing") || value.equals("none")) {
                        mode = Optional.of(value);
                    } else {
                        problems.add(problem("mode").with("text", value));
                    }
                    break;
                case "max_age":
                    try {
                        long v = Long.parseLong(value);
                        if (v < 0 || v > MAX_AGE_LIMIT || value.length() > 10) {
                            problems.add(problem("max_age_range").with("text", value).with("limit", String.valueOf(MAX_AGE_LIMIT)));
                        } else {
                            maxAge = Optional.of(v);
                        }
                    } catch (NumberFormatException e) {
                        problems.add(problem("max_age_number").with("text", value));
                    }
                    break;
                case "mx":
                    String pattern = value.toLowerCase(Locale.ROOT);
                    // a DNS name is at most 253 characters; checking that first also keeps the regular
                    // expression's recursion short (found by fuzzing: a long line overflowed the stack)
                    if (pattern.length() > 255
                            || !pattern.matches("(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]+\\.?")) {
                        problems.add(problem("mx").with("text", value));
                    } else {
                        mx.add(pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern);
                    }
                    break;
                default:
                    if (!key.matches("[A-Za-z0-9_-]+")) {
                        problems.add(problem("bad_key").with("line", String.valueOf(n)).with("text", key));
                    }
                    // Unknown keys are allowed by RFC 8461 for extensions.
            }
        }
        if (version.isEmpty()) {
            problems.add(problem("no_version"));
        }
        if (mode.isEmpty() && problems.stream().noneMatch(p -> "mode".equals(p.values().get("kind")))) {
            problems.add(problem("no_mode"));
        }
        if (maxAge.isEmpty() && problems.stream().noneMatch(p -> String.valueOf(p.values().get("kind")).startsWith("max_age"))) {
            problems.add(problem("no_max_age"));
        }
        if (mx.isEmpty() && !mode.equals(Optional.of("none"))) {
            problems.add(problem("no_mx"));
        }
        return new MtaStsPolicy(mode, mx, maxAge, problems);
    }

    /** RFC 8461 4.1: a pattern matches the host exactly, or "*." matches exactly one leftmost label. */
    public static boolean matches(String pattern, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (pattern.startsWith("*.")) {
            String suffix = pattern.substring(1);
            if (!h.endsWith(suffix)) {
                return false;
            }
            String label = h.substring(0, h.length() - suffix.length());
            return !label.isEmpty() && !label.contains(".");
        }
        return pattern.equals(h);
    }

    public boolean covers(String host) {
        return mx.stream().anyMatch(p -> matches(p, host));
    }

    /** A policy problem as the catalogue phrase {@code mta-sts.policy-problem}, in the reader's language. */
    private static Phrase problem(String kind) {
        return Phrase.of("mta-sts.policy-problem").with("kind", kind).with("text", "").with("line", "").with("limit", "");
    }
}
