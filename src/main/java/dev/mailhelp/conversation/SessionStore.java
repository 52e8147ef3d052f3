package dev.mailhelp.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Open conversations in memory, bounded in number (least recently used goes first) and expiring
 * after an idle time. No shared store is needed: with Discord sharding a guild's interactions
 * always reach the same process (see docs/architecture.md).
 */
public final class SessionStore {

    private final int maxSessions;
    private final Duration idleTimeout;
    private final Clock clock;
    private final LinkedHashMap<String, Session> sessions;
    private static final int SWEEP_EVERY = 256;
    private long created;

    public SessionStore(int maxSessions, Duration idleTimeout, Clock clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, was " + maxSessions);
        }
        this.maxSessions = maxSessions;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.sessions = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > SessionStore.this.maxSessions;
            }
        };
    }

    synchronized Optional<Session> find(String key) {
        Session s = sessions.get(key);
        Instant now = clock.instant();
        if (s != null && expired(s, now)) {
            sessions.remove(key);
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
        Instant now = clock.instant();
        int removed = 0;
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext();) {
            if (expired(it.next(), now)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    public synchronized int size() {
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return s.lastUsed().plus(idleTimeout).isBefore(now);
    }
}
