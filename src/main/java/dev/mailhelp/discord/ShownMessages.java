package dev.mailhelp.discord;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the bot last put in each of its messages, with the other messages of the same step.
 * "Share in channel" must post the current message: the copy Javacord hands us with a click is
 * the one it cached when the message was first sent (interaction edits never update that cache),
 * so a finished report would be shared as its "Checking… 6 of 7" progress. Bounded: after a
 * restart or eviction the copy in the click is the only one, and it is current then because
 * Javacord has nothing cached either.
 */
final class ShownMessages {

    private final Cache<Long, List<MessageView>> views = CacheBuilder.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(20)).build();

    /** One message now shows {@code view} alone. */
    void shown(long messageId, MessageView view) {
        views.put(messageId, List.of(view));
    }

    /** A step in several messages: each of them shares the whole step. */
    void shownTogether(List<Long> messageIds, List<MessageView> group) {
        List<MessageView> copy = List.copyOf(group);
        messageIds.forEach(id -> views.put(id, copy));
    }

    /** All parts of the step this message belongs to, as last shown. */
    Optional<List<MessageView>> step(long messageId) {
        return Optional.ofNullable(views.getIfPresent(messageId));
    }
}
