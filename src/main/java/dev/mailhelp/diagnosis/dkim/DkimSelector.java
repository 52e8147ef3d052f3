package dev.mailhelp.diagnosis.dkim;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validates a selector typed by a user: one or more dot-separated labels (RFC 6376 3.1). */
public final class DkimSelector {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private DkimSelector() {
    }

    /** The selector normalised (trimmed, lower case, without "._domainkey..." pasted after it). */
    public static String parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("Empty DKIM selector: give the s= value of a DKIM-Signature header, e.g. selector1.");
        }
        String s = input.strip().toLowerCase(Locale.ROOT);
        int dk = s.indexOf("._domainkey");
        if (dk > 0) {
            s = s.substring(0, dk);
        }
        for (String label : s.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("\"" + input.strip() + "\" is not a DKIM selector: a selector is made of"
                        + " letters, digits, hyphens and underscores, in dot-separated parts of 1 to 63 characters"
                        + " (the s= value of a DKIM-Signature header, e.g. selector1).");
            }
        }
        return s;
    }
}
