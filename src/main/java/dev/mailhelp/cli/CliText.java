package dev.mailhelp.cli;

import dev.mailhelp.config.SettingException;
import dev.mailhelp.input.InvalidInputException;
import dev.mailhelp.input.Printable;
import dev.mailhelp.knowledge.Catalogue;

/**
 * The command line's own sentences (usage, errors, labels) in one language, from the catalogue's
 * {@code cli.*} and {@code setting.*} entries.
 *
 * @param locale    the language
 * @param catalogue the sentences
 */
public record CliText(String locale, Catalogue catalogue) {

    /** A single-text entry with values given as name, value... */
    public String text(String key, Object... namesAndValues) {
        return catalogue.text(locale, key, namesAndValues);
    }

    /** A problem of a knowledge folder in this language: where it is, then what is wrong. */
    public String problem(dev.mailhelp.knowledge.Problem p) {
        return p.in(locale, catalogue);
    }

    /** A phrase of the catalogue in this language; its values may be phrases and lists too. */
    public String phrase(dev.mailhelp.diagnosis.Phrase p) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        p.values().forEach((name, value) -> values.put(name, value instanceof java.util.List<?> list
                ? list.stream().map(this::one).toList() : one(value)));
        return catalogue.render(locale, p.key(), Catalogue.TEXT, values).orElse(p.key());
    }

    private Object one(Object value) {
        return value instanceof dev.mailhelp.diagnosis.Phrase p ? phrase(p) : value;
    }

    /**
     * A refused input or setting in words: the input parser's codes from messages.yaml, settings
     * from the catalogue; anything else (a bug's message) made safe for the terminal.
     */
    public String problem(IllegalArgumentException e) {
        if (e instanceof SettingException s) {
            return text(s.key(), s.namesAndValues());
        }
        if (e instanceof InvalidInputException invalid && invalid.error().isPresent()) {
            return InputErrorText.of(invalid.error().get(), locale);
        }
        return Printable.escape(String.valueOf(e.getMessage()));
    }

    /**
     * The sentences for a process that has not built its command line yet (a setting refused at
     * start): the terminal's language from {@code env}, the catalogue of the knowledge folder it names.
     */
    public static CliText forEnvironment(dev.mailhelp.config.Environment env, java.nio.file.Path workingDir) {
        java.nio.file.Path dir = dev.mailhelp.config.KnowledgeLocation.resolve(java.util.Optional.empty(), env, workingDir);
        return new CliText(Language.fromEnvironment(env.asMap()), Language.catalogueOf(dir));
    }

    /** "mailhelp check domain: " + the sentence, as every error line starts. */
    public static String prefixed(String command, String sentence) {
        return command + ": " + sentence;
    }
}
