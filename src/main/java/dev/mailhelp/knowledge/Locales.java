package dev.mailhelp.knowledge;

import java.util.List;
import java.util.Locale;

/** The languages mailhelp speaks. Every user-facing text exists in each of them. */
public final class Locales {

    public static final String ENGLISH = "en";
    public static final String TRADITIONAL_CHINESE = "zh-TW";
    public static final List<String> SUPPORTED = List.of(ENGLISH, TRADITIONAL_CHINESE);

    private Locales() {
    }

    /**
     * Maps a requested language tag (Discord's {@code zh-TW}, a system {@code zh_Hant_TW},
     * {@code en-US}...) to a supported one, falling back to English.
     */
    public static String resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            return ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(requested.replace('_', '-'));
        if ("zh".equals(locale.getLanguage())) {
            String script = locale.getScript();
            String country = locale.getCountry();
            // Traditional characters: Taiwan, Hong Kong, Macau, or an explicit Hant script.
            if ("Hant".equals(script) || "TW".equals(country) || "HK".equals(country) || "MO".equals(country)) {
                return TRADITIONAL_CHINESE;
            }
        }
        return ENGLISH;
    }
}
