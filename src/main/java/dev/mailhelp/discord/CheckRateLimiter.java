package dev.mailhelp.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user sliding-window limit on live checks. A denied request learns how long to wait, so
 * the reply can say so instead of just refusing. Checks with the same subject (one domain: its
 * report, a re-run with a DKIM selector, the provider lookup, "check again") count once per window:
 * they are one domain check to the user, and their DNS answers come from the cache.
 */
public final class CheckRateLimiter {

    private final CheckRate rate;
    private final Clock clock;
    private final Map<Long, Deque<Start>> starts = new ConcurrentHashMap<>();

    /** When a counted check started, and its subject ("" for one that always counts). */
    private record Start(Instant at, String subject) { }

    public CheckRateLimiter(CheckRate rate, Clock clock) {
        this.rate = rate;
        this.clock = clock;
    }

    public CheckRate rate() {
        return rate;
    }

    /** Records a check for {@code userId}; empty when allowed, else the time until one is allowed. */
    public Optional<Duration> tryAcquire(long userId) {
        return tryAcquire(userId, "");
    }

    /**
     * The same for a check of {@code subject} (e.g. {@code domain:example.com}): allowed without
     * counting when a check of that subject was counted within the window; {@code ""} always counts.
     */
    public Optional<Duration> tryAcquire(long userId, String subject) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(rate.window());
        Deque<Start> times = starts.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().at().isAfter(windowStart)) {
                times.pollFirst();
            }
            if (!subject.isEmpty() && times.stream().anyMatch(t -> t.subject().equals(subject))) {
                return Optional.empty();
            }
            if (times.size() >= rate.permits()) {
                Duration wait = Duration.between(windowStart, times.peekFirst().at());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            times.addLast(new Start(now, subject));
            return Optional.empty();
        }
    }

    /** Drops users whose window has passed, so the map does not grow with every user ever seen. */
    public void evictIdle() {
        Instant windowStart = clock.instant().minus(rate.window());
        starts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().at().isAfter(windowStart);
            }
        });
    }
}
