package dev.mailhelp.diagnosis.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed RFC 7208 macro string (section 7): a domain-spec, or the text of an explanation.
 * Parsing checks the grammar once; {@link #expand(MacroValues)} is then a pure function.
 */
public record MacroString(String text, List<Part> parts, boolean explanation) {

    private static final String DELIMITERS = ".-+,/_=";
    private static final Pattern TOPLABEL = Pattern.compile(
            "(?i)([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])");

    public MacroString {
        parts = List.copyOf(parts);
    }

    /** One piece of a macro string. */
    public sealed interface Part permits Literal, Escape, Expand { }

    /** Text copied as it is. */
    public record Literal(String text) implements Part { }

    /** {@code %%}, {@code %_} or {@code %-}: a macro-expand that stands for a fixed string. */
    public record Escape(String value) implements Part { }

    /**
     * {@code %{letter digits r delimiters}}.
     *
     * @param letter     the lower-case macro letter
     * @param urlEscape  the letter was upper case: URL-escape the result
     * @param keep       how many right-hand parts to keep; 0 = all
     * @param reverse    reverse the parts first
     * @param delimiters characters to split on ("." when none were given)
     */
    public record Expand(char letter, boolean urlEscape, int keep, boolean reverse, String delimiters)
            implements Part { }

    /** Parses a domain-spec (section 7.1): a macro string ending in a macro or a valid top label. */
    public static MacroString domainSpec(String text) throws SpfSyntaxException {
        MacroString spec = parse(text, false);
        if (text.isEmpty()) {
            throw new SpfSyntaxException("empty domain name", 0, SpfSyntaxException.macro("empty_domain"));
        }
        Part last = spec.parts.get(spec.parts.size() - 1);
        if (!(last instanceof Literal)) {
            return spec;
        }
        String tail = ((Literal) last).text();
        if (tail.endsWith(".")) {
            tail = tail.substring(0, tail.length() - 1);
        }
        int dot = tail.lastIndexOf('.');
        if (dot < 0 || !TOPLABEL.matcher(tail.substring(dot + 1)).matches()) {
            throw new SpfSyntaxException("'" + text + "' is not a domain name: it must end in a macro or in "
                    + "'.' and a top-level label such as '.com'", 0, SpfSyntaxException.macro("not_domain").with("text", text));
        }
        return spec;
    }

    /** Parses explanation text (section 6.2): spaces allowed, and the macros c, r, t. */
    public static MacroString explanation(String text) throws SpfSyntaxException {
        return parse(text, true);
    }

    /** Parses the value of an unknown modifier: a macro string (section 4.6.1). */
    public static MacroString modifierValue(String text) throws SpfSyntaxException {
        return parse(text, false);
    }

    private static MacroString parse(String text, boolean explanation) throws SpfSyntaxException {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                boolean visible = c >= 0x21 && c <= 0x7e;
                if (!visible && !(explanation && c == ' ')) {
                    throw new SpfSyntaxException(describe(c) + " is not allowed here", i,
                            SpfSyntaxException.macro("char_here").with("character", SpfSyntaxException.character(c)));
                }
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new SpfSyntaxException("'%' at the end: write '%%' for a percent sign", i, SpfSyntaxException.macro("percent_end"));
            }
            char next = text.charAt(i + 1);
            Part part;
            int end;
            switch (next) {
                case '%' -> { part = new Escape("%"); end = i + 2; }
                case '_' -> { part = new Escape(" "); end = i + 2; }
                case '-' -> { part = new Escape("%20"); end = i + 2; }
                case '{' -> {
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        throw new SpfSyntaxException("macro '%{' is not closed with '}'", i, SpfSyntaxException.macro("macro_unclosed"));
                    }
                    part = expand(text.substring(i + 2, close), explanation, i);
                    end = close + 1;
                }
                default -> throw new SpfSyntaxException("'%" + next
                        + "' is not a macro: '%' must be followed by '{', '%', '_' or '-'", i,
                        SpfSyntaxException.macro("not_macro").with("text", "%" + next));
            }
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(part);
            i = end;
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new MacroString(text, parts, explanation);
    }

    private static Expand expand(String body, boolean explanation, int position) throws SpfSyntaxException {
        if (body.isEmpty()) {
            throw new SpfSyntaxException("empty macro '%{}'", position, SpfSyntaxException.macro("macro_empty"));
        }
        char raw = body.charAt(0);
        char letter = Character.toLowerCase(raw);
        if ("slodipvh".indexOf(letter) < 0 && !(explanation && "crt".indexOf(letter) >= 0)) {
            String where = "crt".indexOf(letter) >= 0 ? " (c, r and t are allowed only in exp text)" : "";
            throw new SpfSyntaxException("unknown macro letter '" + raw + "'" + where, position,
                    SpfSyntaxException.macro("macro_letter").with("text", String.valueOf(raw)).with("expOnly", where.isEmpty() ? "no" : "yes"));
        }
        int i = 1;
        int digitsStart = i;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            i++;
        }
        int keep = 0;
        if (i > digitsStart) {
            String digits = body.substring(digitsStart, i);
            keep = digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (keep == 0) {
                throw new SpfSyntaxException("macro '%{" + body + "}' keeps 0 parts: the number must be at least 1",
                        position, SpfSyntaxException.macro("macro_keep_zero").with("text", "%{" + body + "}"));
            }
        }
        boolean reverse = false;
        if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
            reverse = true;
            i++;
        }
        String delimiters = body.substring(i);
        for (int k = 0; k < delimiters.length(); k++) {
            if (DELIMITERS.indexOf(delimiters.charAt(k)) < 0) {
                throw new SpfSyntaxException("macro '%{" + body + "}': '" + delimiters.charAt(k)
                        + "' is not a delimiter (allowed: " + DELIMITERS + ")", position, SpfSyntaxException.macro("macro_delimiter")
                        .with("text", "%{" + body + "}").with("delimiter", String.valueOf(delimiters.charAt(k)))
                        .with("allowed", DELIMITERS));
            }
        }
        return new Expand(letter, Character.isUpperCase(raw), keep, reverse,
                delimiters.isEmpty() ? "." : delimiters);
    }

    /** True when expanding needs the macro letter (e.g. 'p', which costs DNS lookups). */
    public boolean uses(char letter) {
        for (Part p : parts) {
            if (p instanceof Expand && ((Expand) p).letter() == letter) {
                return true;
            }
        }
        return false;
    }

    /** True when the string has no macros at all (only literal text and escapes). */
    public boolean isPlain() {
        return parts.stream().noneMatch(p -> p instanceof Expand);
    }

    public String expand(MacroValues values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal) {
                out.append(((Literal) part).text());
            } else if (part instanceof Escape) {
                out.append(((Escape) part).value());
            } else {
                Expand e = (Expand) part;
                String value = transform(values.value(e.letter()), e);
                out.append(e.urlEscape() ? urlEscape(value) : value);
            }
        }
        return out.toString();
    }

    private static String transform(String value, Expand e) {
        if (e.keep() == 0 && !e.reverse() && e.delimiters().equals(".")) {
            return value;
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (e.delimiters().indexOf(value.charAt(i)) >= 0) {
                pieces.add(value.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(value.substring(start));
        if (e.reverse()) {
            Collections.reverse(pieces);
        }
        if (e.keep() > 0 && e.keep() < pieces.size()) {
            pieces = pieces.subList(pieces.size() - e.keep(), pieces.size());
        }
        return String.join(".", pieces);
    }

    /** URL escaping of upper-case macros: everything outside RFC 3986 "unreserved" becomes %XX. */
    static String urlEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format(Locale.ROOT, "the control character 0x%02X", (int) c);
        }
        if (c > 0x7e) {
            return String.format(Locale.ROOT, "the non-ASCII character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
