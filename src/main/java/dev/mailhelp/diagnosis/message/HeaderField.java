package dev.mailhelp.diagnosis.message;

import java.util.Locale;

/**
 * One header field exactly as it arrived: {@code raw} is the name, colon, value and every folding
 * line break, ending with CRLF; characters are bytes (ISO-8859-1), so 8-bit headers survive for
 * DKIM, which signs bytes.
 */
public record HeaderField(String name, String raw) {

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The value after the colon, with folding removed and the ends trimmed. */
    public String value() {
        int colon = raw.indexOf(':');
        String v = raw.substring(colon + 1);
        return v.replace("\r\n", "").replace("\n", "").strip();
    }

    /** The value as text: 8-bit bytes read as UTF-8 (RFC 6532). */
    public String text() {
        byte[] bytes = value().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
