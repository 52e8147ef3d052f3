package dev.mailhelp.cli;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.input.InputError;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Messages;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Words the input parser's problem codes for the terminal, in the language of the system locale,
 * from the same messages.yaml the conversation and Discord use.
 */
final class InputErrorText {

    private InputErrorText() {
    }

    /**
     * Where the messages come from: the composition root's knowledge folder once
     * {@link CommandFactory} is built on it (a command built alone, as in a test, uses
     * {@code ./knowledge} or the bundled copy). Loaded on the first refused input only.
     */
    private static volatile Supplier<Messages> messages = memoized(() -> KnowledgeLocation.resolve(Optional.empty(),
            new Environment(java.util.Map.of()), Path.of("").toAbsolutePath()));

    /** Words problems from the messages of this knowledge folder. */
    static void useKnowledge(Path knowledgeDir) {
        messages = memoized(() -> knowledgeDir);
    }

    private static Supplier<Messages> memoized(Supplier<Path> dir) {
        return com.google.common.base.Suppliers.memoize(() -> {
            try {
                return KnowledgeLoader.messagesOnly(dir.get());
            } catch (RuntimeException e) {
                return new Messages(java.util.Map.of());
            }
        })::get;
    }

    /** The terminal's language (LC_ALL, LC_MESSAGES, LANG), as for the rest of the output. */
    static String locale() {
        return Language.fromEnvironment(System.getenv());
    }

    static String of(InputError error) {
        return of(error, locale());
    }

    static String of(InputError error, String locale) {
        return messages.get().get(error.messageKey(), locale, error.arguments());
    }

    /** In the language of {@code --lang} (the terminal's when that is itself what was wrong). */
    static String of(IllegalArgumentException e, Language language) {
        return language.cli().problem(e);
    }
}
