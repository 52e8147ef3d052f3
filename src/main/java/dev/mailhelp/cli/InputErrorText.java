package dev.mailhelp.cli;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.input.InputError;
import dev.mailhelp.input.InvalidInputException;
import dev.mailhelp.input.Printable;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Locales;
import dev.mailhelp.knowledge.Messages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Words the input parser's problem codes for the terminal, in the language of the system locale,
 * from the same messages.yaml the conversation and Discord use.
 */
final class InputErrorText {

    private InputErrorText() {
    }

    /** Loaded once, on the first refused input (a command that gets good input never reads it). */
    private static final class Catalogue {
        static final Messages MESSAGES = load();

        private static Messages load() {
            Path cwd = Path.of("").toAbsolutePath();
            try {
                return KnowledgeLoader.messagesOnly(KnowledgeLocation.resolve(Optional.empty(), Environment.load(cwd), cwd));
            } catch (RuntimeException e) {
                return new Messages(java.util.Map.of());
            }
        }
    }

    static String locale() {
        return Locales.resolve(Locale.getDefault().toLanguageTag());
    }

    static String of(InputError error) {
        return Catalogue.MESSAGES.get(error.messageKey(), locale(), error.arguments());
    }

    /** The worded error of an input exception, or its message made safe for the terminal. */
    static String of(IllegalArgumentException e) {
        if (e instanceof InvalidInputException invalid && invalid.error().isPresent()) {
            return of(invalid.error().get());
        }
        return Printable.escape(String.valueOf(e.getMessage()));
    }
}
