package dev.mailhelp.discord;

import dev.mailhelp.discord.MessageView.EmbedView;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an unexpected failure into a friendly reply with a reference id, and logs the failure
 * under that id. The log gets the exception's type and stack, not its message: messages may
 * carry what the user typed (a domain, a bounce), and logs must not.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    static String record(String where, Throwable error) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        String reference = HexFormat.of().formatHex(bytes);
        Throwable cause = unwrap(error);
        Throwable scrubbed = new Throwable(cause.getClass().getName() + " (message withheld)");
        scrubbed.setStackTrace(cause.getStackTrace());
        LOG.error("Discord {} failed, reference {}", where, reference, scrubbed);
        return reference;
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static MessageView view(String reference, Texts texts, List<List<MessageView.ComponentView>> rows) {
        return MessageView.of(new EmbedView(texts.get("error.title"), texts.get("error.text", reference),
                FindingsRenderer.colour(dev.mailhelp.diagnosis.Severity.ERROR), List.of(), ""), rows);
    }

    static MessageView notice(String title, String text, Texts texts) {
        return MessageView.of(new EmbedView(title, text, StepRenderer.STEP_COLOUR, List.of(), ""), List.of());
    }
}
