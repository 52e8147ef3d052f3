package dev.mailhelp.diagnosis.message;

import java.util.Locale;

/** The result of one signature, with the names of RFC 8601 2.7.1. */
public enum DkimResult {
    PASS, FAIL, NEUTRAL, POLICY, TEMPERROR, PERMERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
