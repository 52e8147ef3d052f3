package dev.mailhelp.discord;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the bot last put in each of its messages, with the other messages of the same step.
 * "Share in channel" must post the current message: the copy Javacord hands us with a click is
 * the one it cached when the message was first sent (interaction edits never update that cache),
 * so a finished report would be shared as its "Checking… 6 of 7" progress. Bounded: after a
 * restart or eviction the copy in the click is the only one, and it is current then because
 * Javacord has nothing cached either.
 */
final class ShownMessages {

    /**
     * Edits are numbered when they are issued. A record made after an edit was sent (when its
     * message id became known) can arrive late, after a newer step was already recorded for the
     * same message by the next interaction; the number keeps the newer record (issue 16: under load
     * a share posted the step before the current one).
     */
    private final AtomicLong issued = new AtomicLong();

    private record Shown(long number, List<MessageView> views) { }

    private final Cache<Long, Shown> views = CacheBuilder.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(20)).build();

    /** A number for an edit about to be sent; later edits get higher numbers. */
    long next() {
        return issued.incrementAndGet();
    }

    /** One message now shows {@code view} alone. */
    void shown(long messageId, MessageView view) {
        shownTogether(List.of(messageId), List.of(view), next());
    }

    /** A step in several messages: each of them shares the whole step. */
    void shownTogether(List<Long> messageIds, List<MessageView> group) {
        shownTogether(messageIds, group, next());
    }

    /** The same for the edit numbered {@code number}: an older edit never replaces a newer one's record. */
    void shownTogether(List<Long> messageIds, List<MessageView> group, long number) {
        Shown record = new Shown(number, List.copyOf(group));
        messageIds.forEach(id -> views.asMap().merge(id, record, (old, fresh) -> fresh.number() >= old.number() ? fresh : old));
    }

    /** All parts of the step this message belongs to, as last shown. */
    Optional<List<MessageView>> step(long messageId) {
        return Optional.ofNullable(views.getIfPresent(messageId)).map(Shown::views);
    }
}
