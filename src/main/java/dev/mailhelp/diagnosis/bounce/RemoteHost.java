package dev.mailhelp.diagnosis.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The refusing server's name in free text ("host mx.example.com[192.0.2.1] said", "while talking to mx.example.com"). */
final class RemoteHost {

    // Bounded classes and counts, no nested quantifiers: linear in the text.
    private static final Pattern HOST = Pattern.compile(
            "(?i)(?:remote host|host|talking to|server|mx)[ :]{1,3}+\\[?([a-z0-9][a-z0-9-]{0,62}+(?:\\.[a-z0-9-]{1,63}+){1,8}+)");

    private RemoteHost() {
    }

    static String find(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = HOST.matcher(text.length() > 4000 ? text.substring(0, 4000) : text);
        while (m.find()) {
            String h = m.group(1);
            if (h.indexOf('.') > 0 && !h.endsWith(".")) {
                return h.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }
}
