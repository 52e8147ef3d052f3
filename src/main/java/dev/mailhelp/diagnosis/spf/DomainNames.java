package dev.mailhelp.diagnosis.spf;

import java.nio.charset.StandardCharsets;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Turning SPF domain strings (possibly built by macros, possibly odd) into DNS names. */
final class DomainNames {

    private static final int MAX_NAME = 253;

    private DomainNames() {
    }

    /**
     * RFC 7208 4.3: the domain is checked only if it is a fully qualified name; a domain literal,
     * a single label, an empty label or a label over 63 octets gives the result "none".
     */
    static boolean isCheckable(String domain) {
        if (domain == null || domain.startsWith("[")) {
            return false;
        }
        String d = stripDot(domain);
        return d.indexOf('.') > 0 && toName(d) != null;
    }

    /** RFC 7208 7.3: drop a trailing dot; over 253 characters, drop labels from the left until it fits. */
    static String finish(String expanded) {
        String d = stripDot(expanded);
        while (d.length() > MAX_NAME) {
            int dot = d.indexOf('.');
            if (dot < 0) {
                break;
            }
            d = d.substring(dot + 1);
        }
        return d;
    }

    /** An absolute DNS name for any label bytes, or null when it cannot be a DNS name (empty or long label). */
    static Name toName(String domain) {
        if (domain == null) {
            return null;
        }
        String d = stripDot(domain);
        if (d.isEmpty()) {
            return null;
        }
        StringBuilder escaped = new StringBuilder();
        for (String label : d.split("\\.", -1)) {
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0 || bytes.length > 63) {
                return null;
            }
            for (byte b : bytes) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                    escaped.append((char) c);
                } else {
                    escaped.append('\\').append(String.format("%03d", c));
                }
            }
            escaped.append('.');
        }
        try {
            return Name.fromString(escaped.toString());
        } catch (TextParseException e) {
            return null;
        }
    }

    /** The name as SPF text: no trailing dot, escapes undone for printable ASCII. */
    static String text(Name name) {
        String s = name.toString(true);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4)));
                i += 3;
            } else if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripDot(String d) {
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
