package dev.mailhelp.diagnosis.spf;

import java.util.Locale;

/** The eight mechanisms of RFC 7208 section 5. */
public enum MechanismKind {
    ALL(false), INCLUDE(true), A(true), MX(true), PTR(true), IP4(false), IP6(false), EXISTS(true);

    private final boolean countsLookup;

    MechanismKind(boolean countsLookup) {
        this.countsLookup = countsLookup;
    }

    /** Mechanisms that cause DNS queries and count toward the limit of 10 (section 4.6.4). */
    public boolean countsLookup() {
        return countsLookup;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MechanismKind byName(String name) {
        for (MechanismKind k : values()) {
            if (k.id().equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }
}
