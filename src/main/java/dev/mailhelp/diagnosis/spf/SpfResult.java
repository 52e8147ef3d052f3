package dev.mailhelp.diagnosis.spf;

import java.util.Locale;

/** The seven results of {@code check_host()} (RFC 7208 section 2.6). */
public enum SpfResult {
    PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, PERMERROR, TEMPERROR;

    /** The word used in headers and by the {@code spf} command, e.g. {@code softfail}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpfResult fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
