package dev.mailhelp.knowledge;

import java.util.Map;

/** A text in each supported language. */
public record LocalizedText(Map<String, String> byLocale) {

    public static final LocalizedText EMPTY = new LocalizedText(Map.of());

    public LocalizedText {
        byLocale = Map.copyOf(byLocale);
    }

    /**
     * The text in {@code locale} (a supported tag, or any tag {@link Locales#resolve} maps to one,
     * such as {@code zh_TW} or {@code zh-Hant}), else English, else empty.
     */
    public String in(String locale) {
        String text = byLocale.get(locale);
        if (text == null || text.isEmpty()) {
            text = byLocale.get(Locales.resolve(locale));
        }
        if (text == null || text.isEmpty()) {
            text = byLocale.getOrDefault(Locales.ENGLISH, "");
        }
        return text;
    }

    public boolean isEmpty() {
        return byLocale.isEmpty();
    }
}
