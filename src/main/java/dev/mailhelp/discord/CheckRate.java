package dev.mailhelp.discord;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many live checks one user may start in a window, written like {@code 5/60s} (also
 * {@code 10/5m}, {@code 100/1h}).
 */
public record CheckRate(int permits, Duration window) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*([smh])");

    /** Five checks a minute: enough for a real conversation, too few to use the bot as a scanner. */
    public static final CheckRate DEFAULT = new CheckRate(5, Duration.ofSeconds(60));

    public CheckRate {
        if (permits < 1) {
            throw new IllegalArgumentException("a check rate needs at least 1 check per window, got " + permits);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a check rate window must be positive, got " + window);
        }
    }

    public static CheckRate parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("MAILHELP_CHECK_RATE must look like '5/60s' (checks per window; "
                    + "window in s, m or h), got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(2));
        Duration window = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new CheckRate(Integer.parseInt(m.group(1)), window);
    }

    @Override
    public String toString() {
        return permits + "/" + window.toSeconds() + "s";
    }
}
