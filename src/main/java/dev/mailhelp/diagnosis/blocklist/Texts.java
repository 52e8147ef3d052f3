package dev.mailhelp.diagnosis.blocklist;

import java.util.Map;

/** Checks on the localised texts of the catalogue: every text exists in both languages. */
final class Texts {

    static final java.util.List<String> LOCALES = java.util.List.of("en", "zh-TW");

    private Texts() {
    }

    static Map<String, String> bothLanguages(Map<String, String> texts, String field) {
        if (texts == null) {
            throw new BlocklistDataException(field, "texts-missing", "field", field);
        }
        for (String locale : LOCALES) {
            String t = texts.get(locale);
            if (t == null || t.isBlank()) {
                throw new BlocklistDataException(field, "text-missing", "field", field, "locale", locale);
            }
        }
        for (String key : texts.keySet()) {
            if (!LOCALES.contains(key)) {
                throw new BlocklistDataException(field, "text-language", "field", field, "language", key);
            }
        }
        return texts;
    }
}
