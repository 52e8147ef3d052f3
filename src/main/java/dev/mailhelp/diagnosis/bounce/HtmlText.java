package dev.mailhelp.diagnosis.bounce;

/** The visible text of an HTML part, by a single scan (no regular expressions on untrusted input). */
final class HtmlText {

    private HtmlText() {
    }

    static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        boolean inTag = false;
        int skipUntil = -1;
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < html.length(); i++) {
            if (i < skipUntil) {
                continue;
            }
            char c = html.charAt(i);
            if (inTag) {
                if (c == '>') {
                    inTag = false;
                }
                continue;
            }
            if (c == '<') {
                if (lower.startsWith("<style", i) || lower.startsWith("<script", i)) {
                    String close = lower.startsWith("<style", i) ? "</style" : "</script";
                    int end = lower.indexOf(close, i);
                    skipUntil = end < 0 ? html.length() : end;
                    inTag = true;
                    continue;
                }
                if (lower.startsWith("<br", i) || lower.startsWith("<p", i) || lower.startsWith("</p", i)
                        || lower.startsWith("<div", i) || lower.startsWith("</div", i) || lower.startsWith("<tr", i)
                        || lower.startsWith("<li", i)) {
                    out.append('\n');
                }
                inTag = true;
                continue;
            }
            if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i && semi - i <= 8) {
                    String ent = lower.substring(i + 1, semi);
                    String rep = switch (ent) {
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "amp" -> "&";
                        case "quot" -> "\"";
                        case "nbsp" -> " ";
                        case "#39", "apos" -> "'";
                        default -> null;
                    };
                    if (rep != null) {
                        out.append(rep);
                        i = semi;
                        continue;
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
