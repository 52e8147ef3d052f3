package dev.mailhelp.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations as people type them: a decimal number of a stated unit ({@code 0.5}, {@code 1.0},
 * {@code 20}), as other SPF and DNS tools take them. Millisecond precision; a value that would
 * round to nothing, a negative value, a unit suffix or an exponent is refused with a message
 * that names the setting, what was given and what is expected.
 */
public final class DurationText {

    /** The unit a setting is given in; its word is used in messages. */
    public enum Unit {
        SECONDS("seconds", 1_000), MINUTES("minutes", 60_000);

        private final String word;
        private final long millis;

        Unit(String word, long millis) {
            this.word = word;
            this.millis = millis;
        }
    }

    private DurationText() {
    }

    /**
     * @param setting the option or variable name, e.g. {@code --timeout}
     * @param text    what was typed
     * @param unit    what the number counts
     * @param min     smallest accepted value (inclusive)
     * @param max     largest accepted value (inclusive)
     * @throws IllegalArgumentException with a message fit to show as it is
     */
    public static Duration parse(String setting, String text, Unit unit, Duration min, Duration max) {
        String raw = text == null ? "" : text.strip();
        if (raw.isEmpty()) {
            throw problem("empty", setting, raw, unit, min, max);
        }
        if (!raw.matches("[0-9]{1,9}(\\.[0-9]{1,9})?|\\.[0-9]{1,9}")) {
            throw problem("not_number", setting, printable(raw), unit, min, max);
        }
        BigDecimal millis = new BigDecimal(raw).multiply(BigDecimal.valueOf(unit.millis))
                .setScale(0, RoundingMode.HALF_UP);
        Duration value = Duration.ofMillis(millis.longValueExact());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw problem("out_of_range", setting, raw, unit, min, max);
        }
        return value;
    }

    /** Worded by the front end from {@code setting.duration} in the reader's language. */
    private static SettingException problem(String reason, String setting, String raw, Unit unit, Duration min, Duration max) {
        return new SettingException("setting.duration", "reason", reason, "name", setting, "value", raw,
                "unit", unit.word, "min", format(min, unit), "max", format(max, unit));
    }

    /** Seconds as a short decimal, "0.5 s", "20 s", for messages and reasons. */
    public static String seconds(Duration d) {
        return format(d, Unit.SECONDS) + " s";
    }

    private static String format(Duration d, Unit unit) {
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(unit.millis), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** Control characters shown as \\uXXXX so an echoed value cannot move the terminal's cursor. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 40 ? out + "…" : out.toString();
    }
}
