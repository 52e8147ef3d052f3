package dev.mailhelp.diagnosis.blocklist;

import java.util.Map;

/** Checks on the localised texts of the catalogue: every text exists in both languages. */
final class Texts {

    static final java.util.List<String> LOCALES = java.util.List.of("en", "zh-TW");

    private Texts() {
    }

    static Map<String, String> bothLanguages(Map<String, String> texts, String field) {
        if (texts == null) {
            throw new IllegalArgumentException("'" + field + "' is missing; expected {en: ..., zh-TW: ...}");
        }
        for (String locale : LOCALES) {
            String t = texts.get(locale);
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("'" + field + "' has no " + locale + " text; expected {en: ..., zh-TW: ...}");
            }
        }
        for (String key : texts.keySet()) {
            if (!LOCALES.contains(key)) {
                throw new IllegalArgumentException("'" + field + "' has unknown language '" + key + "'; expected en and zh-TW");
            }
        }
        return texts;
    }
}
