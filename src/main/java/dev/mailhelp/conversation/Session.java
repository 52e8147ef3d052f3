package dev.mailhelp.conversation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's conversation: where they are, the steps behind them (for Back), the facts they gave
 * and the checks that ran. Guarded by its own monitor: a user may click twice before the first
 * click's check finished.
 */
final class Session {

    private final String key;
    private String locale;
    private final Deque<String> history = new ArrayDeque<>(8);
    private final Map<String, String> facts = new HashMap<>(4);
    private final List<CheckRecord> checks = new ArrayList<>(2);
    private volatile Instant lastUsed;

    Session(String key, String locale, Instant now) {
        this.key = key;
        this.locale = locale;
        this.lastUsed = now;
    }

    String key() {
        return key;
    }

    synchronized String locale() {
        return locale;
    }

    synchronized void locale(String value) {
        this.locale = value;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    synchronized String current() {
        return history.peek();
    }

    synchronized void moveTo(String nodeId) {
        if (!nodeId.equals(history.peek())) {
            history.push(nodeId);
        }
        // Bound the Back stack: a user clicking in circles must not grow it forever.
        while (history.size() > 50) {
            history.removeLast();
        }
    }

    /** Steps back; returns the node to show, or null when there is nothing behind. */
    synchronized String back() {
        if (history.size() <= 1) {
            return null;
        }
        history.pop();
        return history.peek();
    }

    synchronized void reset() {
        history.clear();
        facts.clear();
        checks.clear();
    }

    synchronized Map<String, String> facts() {
        return Map.copyOf(facts);
    }

    synchronized void putFact(String key, String value) {
        if (value == null || value.isBlank()) {
            facts.remove(key);
        } else {
            facts.put(key, value);
        }
    }

    synchronized void record(CheckRecord record) {
        checks.add(record);
        while (checks.size() > 20) {
            checks.remove(0);
        }
    }

    synchronized List<CheckRecord> checks() {
        return List.copyOf(checks);
    }
}
