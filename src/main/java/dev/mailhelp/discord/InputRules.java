package dev.mailhelp.discord;

import com.google.common.net.InetAddresses;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks what a user typed before a live check runs, so that a typo gets a specific message
 * (what was wrong, what is expected) instead of a failed check.
 */
final class InputRules {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private InputRules() {
    }

    /** Lower case, trimmed, without a trailing dot, a scheme or a path that people paste along. */
    static String normaliseName(String text) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        name = name.replaceFirst("^[a-z]+://", "");
        int slash = name.indexOf('/');
        if (slash >= 0) {
            name = name.substring(0, slash);
        }
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    static boolean isHostName(String name) {
        if (name.isEmpty() || name.length() > 253 || !name.contains(".")) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !name.substring(name.lastIndexOf('.') + 1).matches("\\d+");
    }

    /** Empty when fine, else the localised explanation. */
    static Optional<String> problem(String kind, String value, Texts texts) {
        String shown = DiscordLimits.truncate(value == null ? "" : value.replace('`', '\''), 100);
        switch (kind) {
            case "domain":
                return isHostName(normaliseName(value)) ? Optional.empty() : Optional.of(texts.get("bad.domain", shown));
            case "host":
                String host = normaliseName(value);
                return isHostName(host) || InetAddresses.isInetAddress(host) ? Optional.empty()
                        : Optional.of(texts.get("bad.host", shown));
            case "ip":
                return InetAddresses.isInetAddress(value == null ? "" : value.trim()) ? Optional.empty()
                        : Optional.of(texts.get("bad.ip", shown));
            case "bounce":
                return value != null && value.strip().length() >= 20 ? Optional.empty() : Optional.of(texts.get("bad.bounce"));
            default:
                return Optional.empty();
        }
    }

    static Optional<String> portProblem(Long port, Texts texts) {
        return port == null || (port >= 1 && port <= 65535) ? Optional.empty() : Optional.of(texts.get("bad.port", port));
    }
}
