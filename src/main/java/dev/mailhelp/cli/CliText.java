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

    /** "mailhelp check domain: " + the sentence, as every error line starts. */
    public static String prefixed(String command, String sentence) {
        return command + ": " + sentence;
    }
}
