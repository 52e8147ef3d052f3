package dev.mailhelp.discord;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The front end's own strings in the user's language. Discord sends every interaction's locale;
 * {@code zh-TW} gets Traditional Chinese, everything else English.
 */
public final class Texts {

    public static final String EN = "en";
    public static final String ZH_TW = "zh-TW";

    private static final Map<String, Texts> BY_LOCALE = Map.of(
            EN, new Texts(EN, ResourceBundle.getBundle("discord.ui", Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))),
            ZH_TW, new Texts(ZH_TW, ResourceBundle.getBundle("discord.ui", Locale.forLanguageTag("zh-TW"), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));

    private final String locale;
    private final ResourceBundle bundle;

    private Texts(String locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The project's locale for a Discord locale code ({@code zh-TW}, {@code en-US}, {@code de}...). */
    public static String localeOf(String discordLocale) {
        return dev.mailhelp.knowledge.Locales.resolve(discordLocale);
    }

    public static Texts of(String discordLocale) {
        return BY_LOCALE.get(localeOf(discordLocale));
    }

    public String locale() {
        return locale;
    }

    /** What users call a check or part ({@code mx} is "Mail servers (MX)"); unknown ids as they are. */
    public String name(String id) {
        String key = "check." + id;
        return bundle.containsKey(key) ? bundle.getString(key) : id;
    }

    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return new MessageFormat(pattern, Locale.forLanguageTag(locale)).format(arguments);
    }
}
