package dev.mailhelp.diagnosis.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a record with common mistakes into the record that was meant: a misspelt mechanism
 * ({@code inclde:}), a modifier written with ':' ({@code redirect:x}), an IPv6 range under
 * {@code ip4:} or the reverse, stray commas or semicolons between terms. Offered only when the
 * result parses, so the linter never suggests a record that is still broken.
 */
final class SyntaxRepair {

    private static final List<String> MECHANISMS = List.of("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists");

    private SyntaxRepair() {
    }

    static Optional<String> repaired(String text) {
        if (!SpfRecord.isSpf1(text)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean changed = false;
        for (String raw : text.substring(6).trim().split("[ ,;]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String term = raw;
            if (!parses(term)) {
                term = repairTerm(term);
                if (term == null || !parses(term)) {
                    return Optional.empty();
                }
            }
            changed |= !term.equals(raw);
            out.add(term);
        }
        String result = "v=spf1 " + String.join(" ", out);
        boolean separatorsFixed = !text.trim().replaceAll(" +", " ").equals(result);
        if ((!changed && !separatorsFixed) || !parsesRecord(result)) {
            return Optional.empty();
        }
        return Optional.of(result);
    }

    private static String repairTerm(String term) {
        String q = "";
        String body = term;
        if (!body.isEmpty() && "+-~?".indexOf(body.charAt(0)) >= 0) {
            q = body.substring(0, 1);
            body = body.substring(1);
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (q.isEmpty() && (lower.startsWith("redirect:") || lower.startsWith("exp:"))) {
            return body.replaceFirst(":", "=");
        }
        int end = 0;
        while (end < body.length() && body.charAt(end) != ':' && body.charAt(end) != '/') {
            end++;
        }
        String name = lower.substring(0, end);
        String rest = body.substring(end);
        if (name.equals("ip4") && rest.contains("::") || name.equals("ip4") && rest.indexOf(':', 1) > 0) {
            return q + "ip6" + rest;
        }
        if (name.equals("ip6") && rest.indexOf(':', 1) < 0) {
            return q + "ip4" + rest;
        }
        String best = null;
        int bestDistance = 3;
        for (String m : MECHANISMS) {
            int d = distance(name, m);
            if (d < bestDistance && m.length() > 2) {
                best = m;
                bestDistance = d;
            }
        }
        return best == null ? null : q + best + rest;
    }

    private static boolean parses(String term) {
        return parsesRecord("v=spf1 " + term);
    }

    private static boolean parsesRecord(String record) {
        try {
            SpfRecord.parse(record);
            return true;
        } catch (SpfSyntaxException e) {
            return false;
        }
    }

    /** Levenshtein distance, for names of a few letters. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
