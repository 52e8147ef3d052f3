package dev.mailhelp.cli;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.conversation.FindingLocalizer;
import dev.mailhelp.knowledge.Catalogue;
import dev.mailhelp.knowledge.FindingTexts;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Locales;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --lang} for every command: the language of the output, by default the one of the
 * terminal ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}: {@code zh_TW.UTF-8} gives
 * zh-TW). Used as a picocli mixin.
 */
public final class Language {

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the output: en or zh-TW (default: from LC_ALL / LANG, else en).")
    String lang;

    /** The chosen language, or a usage error naming what was wrong. */
    public String locale() {
        return lang == null ? fromEnvironment(System.getenv()) : parse(lang);
    }

    /** {@code en}, {@code en-US}, {@code zh-TW}, {@code zh_TW}, {@code zh-Hant}... to a supported language. */
    static String parse(String requested) {
        String tag = requested.strip();
        String resolved = Locales.resolve(tag);
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        if (resolved.equals(Locales.ENGLISH) && !"en".equals(language)) {
            throw new IllegalArgumentException("--lang " + requested + ": not a language mailhelp speaks; expected one of "
                    + Locales.SUPPORTED);
        }
        return resolved;
    }

    /** The terminal's language: the first of LC_ALL, LC_MESSAGES, LANG that is set ("zh_TW.UTF-8" -> zh-TW). */
    static String fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                String tag = value.strip();
                int cut = tag.indexOf('.');
                tag = cut >= 0 ? tag.substring(0, cut) : tag;
                cut = tag.indexOf('@');
                tag = cut >= 0 ? tag.substring(0, cut) : tag;
                return Locales.resolve(tag);
            }
        }
        return Locales.ENGLISH;
    }

    /** The texts of {@code locale} from the knowledge folder ({@code --knowledge}, else the usual place). */
    public static ReportTexts texts(String locale, Optional<Path> knowledge) {
        Path cwd = Path.of("").toAbsolutePath();
        Path dir = KnowledgeLocation.resolve(knowledge, Environment.load(cwd, System.getenv()), cwd);
        Catalogue catalogue = KnowledgeLoader.loadCatalogue(dir);
        FindingTexts legacy = KnowledgeLoader.loadFindingTexts(dir);
        return new ReportTexts(locale, catalogue, new FindingLocalizer(legacy, catalogue));
    }

    /**
     * What a command needs to speak one language.
     *
     * @param locale    the language
     * @param catalogue the sentences
     * @param findings  renders findings
     */
    public record ReportTexts(String locale, Catalogue catalogue, FindingLocalizer findings) {

        /** A single-text entry with values given as name, value... */
        public String text(String key, Object... namesAndValues) {
            return catalogue.text(locale, key, namesAndValues);
        }
    }
}
