package dev.mailhelp.knowledge;

import java.util.regex.Pattern;

/**
 * Joins lines that editors wrapped for readability. In Markdown a single line break inside a
 * paragraph is a space, but Discord and terminals show every break, so wrapped YAML text would
 * come out ragged. Paragraph breaks, list items, headings, quotes, tables and code blocks stay.
 */
final class SoftWraps {

    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*([-*+]\\s|\\d{1,3}[.)]\\s|#|>|\\||```)).*");

    private SoftWraps() {
    }

    static String join(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        boolean inCode = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                String previous = lines[i - 1];
                boolean joinable = !inCode && !line.isBlank() && !previous.isBlank()
                        && !BLOCK_START.matcher(line).matches() && !previous.strip().startsWith("```")
                        && !previous.endsWith("  ") && !previous.strip().startsWith("|");
                if (joinable) {
                    out.append(' ').append(line.strip());
                } else {
                    out.append('\n').append(line);
                }
            } else {
                out.append(line);
            }
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            }
        }
        return out.toString();
    }
}
