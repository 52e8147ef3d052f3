package dev.mailhelp.conversation;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Open conversations in memory, bounded in number (least recently used goes first) and expiring
 * after an idle time: Guava's cache, the one bounded cache of the project, on the given clock. No shared store is needed: with Discord sharding a guild's interactions
 * always reach the same process (see docs/architecture.md).
 */
public final class SessionStore {

    private final Duration idleTimeout;
    private final Clock clock;
    private final Cache<String, Session> sessions;
    private static final int SWEEP_EVERY = 256;
    private long created;

    public SessionStore(int maxSessions, Duration idleTimeout, Clock clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, was " + maxSessions);
        }
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.sessions = CacheBuilder.newBuilder()
                // One segment: eviction is then exactly least-recently-used, as the bound promises.
                .concurrencyLevel(1)
                .maximumSize(maxSessions)
                .expireAfterAccess(idleTimeout)
                .ticker(new Ticker() {
                    @Override
                    public long read() {
                        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                    }
                })
                .build();
    }

    synchronized Optional<Session> find(String key) {
        Session s = sessions.getIfPresent(key);
        Instant now = clock.instant();
        if (s != null && expired(s, now)) {
            sessions.invalidate(key);
            s = null;
        }
        if (s != null) {
            s.touch(now);
        }
        return Optional.ofNullable(s);
    }

    synchronized Session create(String key, String locale) {
        // Expired sessions are dropped lazily; an occasional sweep gives their memory back
        // without a background thread.
        if (++created % SWEEP_EVERY == 0) {
            sweep();
        }
        Session s = new Session(key, locale, clock.instant());
        sessions.put(key, s);
        return s;
    }

    /** Drops expired sessions; the engine calls it now and then so idle memory is given back. */
    public synchronized int sweep() {
        long before = sessions.size();
        sessions.cleanUp();
        return (int) (before - sessions.size());
    }

    public synchronized int size() {
        sessions.cleanUp();
        return (int) sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return s.lastUsed().plus(idleTimeout).isBefore(now);
    }
}
