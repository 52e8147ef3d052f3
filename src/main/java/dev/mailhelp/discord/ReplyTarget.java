package dev.mailhelp.discord;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where a (possibly slow) answer goes once it is acknowledged: the deferred interaction response,
 * or a channel message for mentions. Edits are applied in the order they were asked for.
 */
interface ReplyTarget {

    /** Replaces the shown message (progress). */
    CompletableFuture<Void> edit(MessageView view);

    /** The final answer: the first view replaces the shown message, the rest follow it. */
    CompletableFuture<Void> show(List<MessageView> views);
}
