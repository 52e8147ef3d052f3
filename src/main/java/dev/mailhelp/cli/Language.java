package dev.mailhelp.cli;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.config.SettingException;
import dev.mailhelp.conversation.FindingLocalizer;
import dev.mailhelp.knowledge.Catalogue;
import dev.mailhelp.knowledge.FindingTexts;
import dev.mailhelp.knowledge.InvalidKnowledgeException;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Locales;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --lang} for every command: the language of the output, by default the one of the
 * terminal ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}: {@code zh_TW.UTF-8} gives
 * zh-TW). Used as a picocli mixin; {@link CommandFactory} builds it on the root's environment and
 * catalogue, a command built alone (in a test) reads the process environment.
 */
public final class Language {

    /** The option's name, also looked for in the raw arguments before parsing (for usage help and errors). */
    static final String OPTION = "--lang";

    @Option(names = OPTION, paramLabel = "LANG")
    String lang;

    private final Map<String, String> env;
    private final Supplier<Catalogue> catalogue;

    /** On the process environment and the usual knowledge folder. */
    public Language() {
        this(System.getenv(), Language::usualCatalogue);
    }

    /**
     * @param env       where the default language is read (the root's environment: process over .env)
     * @param catalogue the command line's sentences
     */
    Language(Map<String, String> env, Supplier<Catalogue> catalogue) {
        this.env = env;
        this.catalogue = catalogue;
    }

    /** The chosen language, or a {@link SettingException} ({@code cli.error.language}) naming what was wrong. */
    public String locale() {
        return lang == null ? fromEnvironment(env) : parse(lang);
    }

    /**
     * The language to write in even when {@code --lang} itself is wrong: the terminal's then, so
     * the complaint about it can be read.
     */
    String localeForMessages() {
        try {
            return locale();
        } catch (IllegalArgumentException e) {
            return fromEnvironment(env);
        }
    }

    /** The command line's own sentences in the language to write in. */
    public CliText cli() {
        return new CliText(localeForMessages(), catalogue.get());
    }

    /** {@code en}, {@code en-US}, {@code zh-TW}, {@code zh_TW}, {@code zh-Hant}... to a supported language. */
    static String parse(String requested) {
        String tag = requested.strip();
        String resolved = Locales.resolve(tag);
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        if (resolved.equals(Locales.ENGLISH) && !"en".equals(language)) {
            throw new SettingException("cli.error.language", "value", requested, "supported", Locales.SUPPORTED);
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

    /**
     * The language of a whole command line before picocli reads it (usage help and parse errors
     * need it): a usable {@code --lang X} or {@code --lang=X} anywhere, else the terminal's.
     */
    static String fromArguments(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (OPTION.equals(args[i]) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith(OPTION + "=")) {
                value = args[i].substring(OPTION.length() + 1);
            }
            if (value != null) {
                try {
                    return parse(value);
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        return fromEnvironment(env);
    }

    /** The catalogue of the usual knowledge folder, else the one packed into the jar. */
    static Catalogue usualCatalogue() {
        Path cwd = Path.of("").toAbsolutePath();
        return catalogueOf(KnowledgeLocation.resolve(Optional.empty(), Environment.load(cwd, System.getenv()), cwd));
    }

    /**
     * The catalogue of {@code dir}; when that folder's catalogue is broken the packed one, so the
     * command line can still say so in words ({@code knowledge validate} lists the problems).
     */
    static Catalogue catalogueOf(Path dir) {
        try {
            return KnowledgeLoader.loadCatalogue(dir);
        } catch (InvalidKnowledgeException | java.io.UncheckedIOException e) {
            Path packed = KnowledgeLocation.resolve(Optional.empty(), new Environment(Map.of()), Path.of("/nonexistent"));
            try {
                return KnowledgeLoader.loadCatalogue(packed);
            } catch (RuntimeException again) {
                return Catalogue.NONE;
            }
        }
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
