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
 * the reply can say so instead of just refusing.
 */
public final class CheckRateLimiter {

    private final CheckRate rate;
    private final Clock clock;
    private final Map<Long, Deque<Instant>> starts = new ConcurrentHashMap<>();

    public CheckRateLimiter(CheckRate rate, Clock clock) {
        this.rate = rate;
        this.clock = clock;
    }

    public CheckRate rate() {
        return rate;
    }

    /** Records a check for {@code userId}; empty when allowed, else the time until one is allowed. */
    public Optional<Duration> tryAcquire(long userId) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(rate.window());
        Deque<Instant> times = starts.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.pollFirst();
            }
            if (times.size() >= rate.permits()) {
                Duration wait = Duration.between(windowStart, times.peekFirst());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    /** Drops users whose window has passed, so the map does not grow with every user ever seen. */
    public void evictIdle() {
        Instant windowStart = clock.instant().minus(rate.window());
        starts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(windowStart);
            }
        });
    }
}
