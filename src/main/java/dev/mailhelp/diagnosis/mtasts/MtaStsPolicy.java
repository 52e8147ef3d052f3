package dev.mailhelp.diagnosis.mtasts;

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
 * @param problems syntax problems, each a sentence
 */
public record MtaStsPolicy(Optional<String> mode, List<String> mx, Optional<Long> maxAge, List<String> problems) {

    /** RFC 8461 3.2: max_age is at most 31557600 (about a year). */
    static final long MAX_AGE_LIMIT = 31_557_600L;

    public MtaStsPolicy {
        mx = List.copyOf(mx);
        problems = List.copyOf(problems);
    }

    public static MtaStsPolicy parse(String body) {
        List<String> problems = new ArrayList<>();
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
                problems.add("Line " + n + " (\"" + line.strip() + "\") is not a key: value line.");
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "version":
                    if (!value.equals("STSv1")) {
                        problems.add("version: " + value + " is not STSv1.");
                    }
                    version = Optional.of(value);
                    break;
                case "mode":
                    if (value.equals("enforce") || value.equals("testing") || value.equals("none")) {
                        mode = Optional.of(value);
                    } else {
                        problems.add("mode: " + value + " is not valid: use enforce, testing or none.");
                    }
                    break;
                case "max_age":
                    try {
                        long v = Long.parseLong(value);
                        if (v < 0 || v > MAX_AGE_LIMIT || value.length() > 10) {
                            problems.add("max_age: " + value + " is out of range (0 to " + MAX_AGE_LIMIT + " seconds).");
                        } else {
                            maxAge = Optional.of(v);
                        }
                    } catch (NumberFormatException e) {
                        problems.add("max_age: " + value + " is not a number of seconds.");
                    }
                    break;
                case "mx":
                    String pattern = value.toLowerCase(Locale.ROOT);
                    // a DNS name is at most 253 characters; checking that first also keeps the regular
                    // expression's recursion short (found by fuzzing: a long line overflowed the stack)
                    if (pattern.length() > 255
                            || !pattern.matches("(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]+\\.?")) {
                        problems.add("mx: " + value + " is not a host name pattern (a name, or *. followed by a name).");
                    } else {
                        mx.add(pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern);
                    }
                    break;
                default:
                    if (!key.matches("[A-Za-z0-9_-]+")) {
                        problems.add("Line " + n + ": \"" + key + "\" is not a valid key.");
                    }
                    // Unknown keys are allowed by RFC 8461 for extensions.
            }
        }
        if (version.isEmpty()) {
            problems.add("The policy has no version: STSv1 line.");
        }
        if (mode.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("mode:"))) {
            problems.add("The policy has no mode line (enforce, testing or none).");
        }
        if (maxAge.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("max_age:"))) {
            problems.add("The policy has no max_age line.");
        }
        if (mx.isEmpty() && !mode.equals(Optional.of("none"))) {
            problems.add("The policy has no mx line; with mode enforce or testing every MX host must be listed.");
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
}
