package dev.mailhelp.diagnosis.bounce;

import java.util.Locale;

/** The one normalisation both phrase rules and server texts go through before matching. */
final class DiagnosticText {

    private DiagnosticText() {
    }

    /** Lower case, every run of whitespace (and the quote marks servers vary on) as one space. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = b.length() > 0;
                continue;
            }
            if (c == '\u2019' || c == '`') {
                c = '\'';
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Whitespace collapsed, case kept: for showing the server's words. */
    static String collapse(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 4096));
        boolean space = false;
        for (int i = 0; i < s.length() && b.length() < 4000; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        return b.toString();
    }
}
