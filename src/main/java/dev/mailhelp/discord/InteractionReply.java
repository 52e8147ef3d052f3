package dev.mailhelp.discord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response to one interaction after it was acknowledged. The acknowledgement goes out before
 * any work starts (Discord allows 3 s); later edits PATCH the original response, extra messages of
 * a split report go out as follow-ups. Everything is chained so edits arrive in order.
 */
final class InteractionReply implements ReplyTarget {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionReply.class);

    private final InteractionBase interaction;
    private final boolean ephemeral;
    private CompletableFuture<Void> chain;

    private InteractionReply(InteractionBase interaction, boolean ephemeral, CompletableFuture<?> acknowledgement) {
        this.interaction = interaction;
        this.ephemeral = ephemeral;
        this.chain = acknowledgement.thenApply(x -> (Void) null);
    }

    /** "Thinking…" (type 5): for commands and modals that were not opened from a message. */
    static InteractionReply deferNew(InteractionBase interaction, boolean ephemeral, Acknowledger acknowledger) {
        return new InteractionReply(interaction, ephemeral, acknowledger.deferReply(interaction, ephemeral));
    }

    /** Acknowledge a click without changing the message yet (type 6); edits then replace that message. */
    static InteractionReply deferUpdate(MessageComponentInteraction interaction, Acknowledger acknowledger) {
        return new InteractionReply(interaction, true, acknowledger.deferUpdate(interaction));
    }

    /** Replace the message the interaction came from at once (type 7), e.g. with "Checking…". */
    static InteractionReply updateNow(InteractionBase interaction, MessageView first) {
        return new InteractionReply(interaction, true,
                JavacordViews.interactionMessage(first, false).updateOriginalMessage(interaction));
    }

    CompletableFuture<Void> acknowledged() {
        return chain;
    }

    @Override
    public synchronized CompletableFuture<Void> edit(MessageView view) {
        chain = chain.handle((x, error) -> error)
                .thenCompose(previous -> JavacordViews.interactionMessage(view, false).editOriginalResponse(interaction))
                .thenApply(message -> (Void) null);
        chain.exceptionally(error -> {
            LOG.warn("editing an interaction response failed: {}", error.toString());
            return null;
        });
        return chain;
    }

    @Override
    public synchronized CompletableFuture<Void> show(List<MessageView> views) {
        CompletableFuture<Void> result = edit(views.get(0));
        for (MessageView extra : views.subList(1, views.size())) {
            result = result.thenCompose(x -> JavacordViews.interactionMessage(extra, ephemeral)
                    .sendFollowupMessage(interaction).thenApply(m -> (Void) null));
        }
        chain = result;
        return result;
    }
}
