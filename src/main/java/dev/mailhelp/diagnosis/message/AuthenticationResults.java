package dev.mailhelp.diagnosis.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Authentication-Results field (RFC 8601 2.2): the receiver's name and one result per method.
 * Comments are dropped and quoted values unquoted. Microsoft writes the field without an
 * authserv-id; then {@link #authservId()} is empty and {@link #conforming()} false.
 */
public record AuthenticationResults(Optional<String> authservId, List<MethodResult> results, boolean conforming) {

    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /** One {@code method=result} with its {@code reason} and {@code ptype.property=value} pairs. */
    public record MethodResult(String method, String result, Optional<String> reason, Map<String, String> props) {
        public MethodResult {
            props = Map.copyOf(props);
        }
    }

    public Optional<MethodResult> first(String method) {
        return results.stream().filter(r -> r.method().equals(method)).findFirst();
    }

    public static AuthenticationResults parse(String value) {
        List<String> parts = split(withoutComments(value), ';');
        List<MethodResult> results = new ArrayList<>();
        Optional<String> id = Optional.empty();
        boolean conforming = true;
        int start = 0;
        if (!parts.isEmpty()) {
            String head = parts.get(0).strip();
            if (head.contains("=")) {
                conforming = false;
            } else {
                List<String> words = split(head, ' ');
                id = words.isEmpty() ? Optional.empty() : Optional.of(unquote(words.get(0)).toLowerCase(Locale.ROOT));
                start = 1;
            }
        }
        for (int i = start; i < parts.size(); i++) {
            String p = parts.get(i).strip();
            if (p.isEmpty() || p.equalsIgnoreCase("none")) {
                // "none" is a whole result list; an empty one (a trailing ';') is outside the grammar
                conforming &= !p.isEmpty();
                continue;
            }
            List<String> tokens = split(p, ' ');
            String first = tokens.get(0);
            int eq = first.indexOf('=');
            if (eq <= 0) {
                conforming = false;
                continue;
            }
            String method = first.substring(0, eq).toLowerCase(Locale.ROOT);
            method = method.contains("/") ? method.substring(0, method.indexOf('/')) : method;
            String result = first.substring(eq + 1).toLowerCase(Locale.ROOT);
            String reason = null;
            Map<String, String> props = new LinkedHashMap<>();
            for (int t = 1; t < tokens.size(); t++) {
                String tok = tokens.get(t);
                int e = tok.indexOf('=');
                if (e <= 0) {
                    continue;
                }
                String key = tok.substring(0, e).toLowerCase(Locale.ROOT);
                String v = unquote(tok.substring(e + 1));
                if (key.equals("reason")) {
                    reason = v;
                } else if (key.contains(".")) {
                    props.put(key, v);
                } else {
                    // e.g. Microsoft's action=none: not a ptype.property pair
                    conforming = false;
                }
            }
            results.add(new MethodResult(method, result, Optional.ofNullable(reason), props));
        }
        return new AuthenticationResults(id, results, conforming);
    }

    /** Removes (comments), nested ones too, outside quoted strings; a comment separates like a space. */
    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (quoted || depth > 0)) {
                if (depth == 0) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (depth == 0 && c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '(') {
                if (depth == 0) {
                    out.append(' ');
                }
                depth++;
                continue;
            }
            if (!quoted && c == ')' && depth > 0) {
                depth--;
                continue;
            }
            if (depth == 0) {
                out.append(c == '\t' || c == '\r' || c == '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Splits at {@code sep} outside quotes; for ' ' runs of spaces count once and empty pieces go. */
    static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                if (sep != ' ' || cur.length() > 0) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (sep != ' ' || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        return v;
    }
}
