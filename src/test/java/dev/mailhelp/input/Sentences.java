package dev.mailhelp.input;

import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Messages;
import java.nio.file.Path;

/** The project's messages.yaml, to read a refused input's sentence as a user would see it. */
public final class Sentences {

    private static final Messages MESSAGES = KnowledgeLoader.messagesOnly(Path.of("knowledge"));

    private Sentences() {
    }

    public static String of(InputError e, String locale) {
        return MESSAGES.get(e.messageKey(), locale, e.arguments());
    }

    public static String english(InputError e) {
        return of(e, "en");
    }
}
