package dev.mailhelp.diagnosis.blocklist;

import java.util.Map;

/**
 * An answer of a list and what it means. For listings the category is set; for error answers
 * (the list refused or could not serve the query) it is null.
 */
public record ReturnCode(AddressRange code, Category category, Map<String, String> meaning) {

    public ReturnCode {
        meaning = Map.copyOf(meaning);
    }

    static ReturnCode fromYaml(String code, Category category,
                               Map<String, String> meaning) {
        return new ReturnCode(AddressRange.parse(code), category, Texts.bothLanguages(meaning, "meaning"));
    }

    /** The meaning in a locale ({@code en}, {@code zh-TW}), English when that locale is missing. */
    public String meaning(String locale) {
        return meaning.getOrDefault(locale, meaning.get("en"));
    }
}
