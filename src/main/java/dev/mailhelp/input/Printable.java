package dev.mailhelp.input;

/**
 * Text made safe to show on a terminal or in a chat: control characters (ANSI escape sequences
 * start with one), format characters such as bidi overrides, and other characters that draw
 * nothing are written as visible escapes, so what a user typed can never move the cursor,
 * recolour the screen or reorder the line it is quoted in.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with every character that does not draw itself as {@code \x1b} or {@code \u202e}. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (hidden(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(cp < 0x80 ? String.format("\\x%02x", cp) : String.format(cp > 0xFFFF ? "\\U%08x" : "\\u%04x", cp));
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** Like {@link #escape(String)}, but keeps line breaks and tabs (for multi-line text shown as it is). */
    public static String escapeKeepingLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(escape(text.substring(start, i))).append(c);
                start = i + 1;
            }
        }
        return out.append(escape(text.substring(start))).toString();
    }

    /** True for code points that draw nothing or act on the terminal: controls, format characters, unassigned, surrogates. */
    static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * A writer that shows everything written through it as {@link #escapeKeepingLines(String)}
     * does: for terminals, where DNS data, a pasted bounce or a typed name could otherwise carry
     * escape sequences to the screen.
     */
    public static java.io.PrintWriter terminalSafe(java.io.PrintWriter out) {
        return new java.io.PrintWriter(new java.io.FilterWriter(out) {
            @Override
            public void write(int c) throws java.io.IOException {
                write(String.valueOf((char) c), 0, 1);
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                write(new String(buffer, offset, length), 0, length);
            }

            @Override
            public void write(String text, int offset, int length) throws java.io.IOException {
                String shown = escapeKeepingLines(text.substring(offset, offset + length));
                out.write(shown, 0, shown.length());
            }
        }, true);
    }
}
