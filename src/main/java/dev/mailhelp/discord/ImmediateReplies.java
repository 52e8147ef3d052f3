package dev.mailhelp.discord;

import dev.mailhelp.discord.MessageView.EmbedView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.interaction.InteractionBase;

/** Answers that are the first and only response: notices, refusals, rate-limit waits. */
final class ImmediateReplies {

    private ImmediateReplies() {
    }

    static CompletableFuture<?> notice(InteractionBase interaction, String title, String text) {
        return send(interaction, MessageView.of(new EmbedView(title, text, StepRenderer.STEP_COLOUR, List.of(), ""), List.of()));
    }

    static CompletableFuture<?> send(InteractionBase interaction, MessageView view) {
        return JavacordViews.interactionMessage(view, true).sendInitialResponse(interaction);
    }

    static CompletableFuture<?> rateLimited(InteractionBase interaction, Texts texts, int permits, Duration wait) {
        return notice(interaction, texts.get("rate.title"), rateText(texts, permits, wait));
    }

    static String rateText(Texts texts, int permits, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return texts.get("rate.text", permits, seconds);
    }
}
