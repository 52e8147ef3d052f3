package dev.mailhelp.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.message.Message;
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
    private final ShownMessages shown;
    private CompletableFuture<Void> chain;
    /**
     * The id of the message being edited once known (at once for a click's own message, else from the
     * first edit): views are then recorded before they are sent, so a click on the result can never
     * find an older record than what the user already sees.
     */
    private volatile Long messageId;

    private InteractionReply(InteractionBase interaction, boolean ephemeral, CompletableFuture<?> acknowledgement,
                             ShownMessages shown) {
        this(interaction, ephemeral, acknowledgement, shown, null);
    }

    private InteractionReply(InteractionBase interaction, boolean ephemeral, CompletableFuture<?> acknowledgement,
                             ShownMessages shown, Long messageId) {
        this.interaction = interaction;
        this.ephemeral = ephemeral;
        this.shown = shown;
        this.messageId = messageId;
        this.chain = acknowledgement.thenApply(x -> (Void) null);
    }

    /** "Thinking…" (type 5): for commands and modals that were not opened from a message. */
    static InteractionReply deferNew(InteractionBase interaction, boolean ephemeral, FlowContext context) {
        return new InteractionReply(interaction, ephemeral, context.acknowledger().deferReply(interaction, ephemeral),
                context.shown());
    }

    /** Acknowledge a click without changing the message yet (type 6); edits then replace that message. */
    static InteractionReply deferUpdate(MessageComponentInteraction interaction, FlowContext context) {
        return new InteractionReply(interaction, true, context.acknowledger().deferUpdate(interaction), context.shown(),
                interaction.getMessage().getId());
    }

    /**
     * Replace the message the interaction came from at once (type 7), e.g. with "Checking…".
     * {@code messageId}: that message when known (a modal names none), else null; when known, the
     * first view is recorded before it is sent, like every later one.
     */
    static InteractionReply updateNow(InteractionBase interaction, MessageView first, FlowContext context, Long messageId) {
        if (messageId != null) {
            context.shown().shown(messageId, first);
        }
        return new InteractionReply(interaction, true,
                JavacordViews.interactionMessage(first, false).updateOriginalMessage(interaction), context.shown(), messageId);
    }

    CompletableFuture<Void> acknowledged() {
        return chain;
    }

    @Override
    public synchronized CompletableFuture<Void> edit(MessageView view) {
        chain = editRecorded(view).thenApply(message -> (Void) null);
        return chain;
    }

    private CompletableFuture<Message> editRecorded(MessageView view) {
        return editRecorded(view, List.of(view), shown.next());
    }

    /** {@code number}: taken when the edit is issued, so a late record of it never hides a newer step. */
    private CompletableFuture<Message> editRecorded(MessageView view, List<MessageView> step, long number) {
        CompletableFuture<Message> edited = chain.handle((x, error) -> error)
                .thenCompose(previous -> {
                    Long known = messageId;
                    if (known != null) {
                        shown.shownTogether(List.of(known), step, number);
                    }
                    return JavacordViews.interactionMessage(view, false).editOriginalResponse(interaction);
                })
                .thenApply(message -> {
                    messageId = message.getId();
                    shown.shownTogether(List.of(message.getId()), step, number);
                    return message;
                });
        edited.exceptionally(error -> {
            LOG.warn("editing an interaction response failed: {}", error.toString());
            return null;
        });
        return edited;
    }

    @Override
    public synchronized CompletableFuture<Void> show(List<MessageView> views) {
        long number = shown.next();
        CompletableFuture<List<Long>> ids = editRecorded(views.get(0), views, number).thenApply(m -> {
            List<Long> list = new ArrayList<>();
            list.add(m.getId());
            return list;
        });
        for (MessageView extra : views.subList(1, views.size())) {
            ids = ids.thenCompose(list -> JavacordViews.interactionMessage(extra, ephemeral)
                    .sendFollowupMessage(interaction).thenApply(m -> {
                        list.add(m.getId());
                        return list;
                    }));
        }
        CompletableFuture<Void> result = ids.thenAccept(list -> {
            shown.shownTogether(list, views, number);
        });
        chain = result;
        return result;
    }
}
