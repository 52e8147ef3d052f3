package dev.mailhelp.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Takes interactions off Javacord's event thread: a few single-thread lanes, one user always on
 * the same lane, so one user's clicks stay in order while different users are routed (and
 * acknowledged) in parallel.
 *
 * <p>Why: Javacord 3.8 runs one server's listeners strictly one after another, handing each event
 * to a pool thread in turn. With the routing and the acknowledgement request in the listener, a
 * burst of 200 in one server waited about 1 ms per event in that single line (measured,
 * docs/benchmarks.md); handing over costs microseconds.
 */
final class InteractionLanes implements AutoCloseable {

    private final List<ExecutorService> lanes = new ArrayList<>();

    InteractionLanes(int count, ThreadFactory threads) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one lane is needed, got " + count);
        }
        for (int i = 0; i < count; i++) {
            lanes.add(Executors.newSingleThreadExecutor(threads));
        }
    }

    /** Lanes for this machine: one per core, at least two. */
    static int defaultCount() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    int count() {
        return lanes.size();
    }

    /** Index of the lane that runs {@code userId}'s interactions. */
    int laneOf(long userId) {
        // Snowflakes grow with time; mixing the bits spreads users that joined together.
        long mixed = userId * 0x9E3779B97F4A7C15L;
        return (int) ((mixed >>> 32) % lanes.size() + lanes.size()) % lanes.size();
    }

    void run(long userId, Runnable task) {
        lanes.get(laneOf(userId)).execute(task);
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
