package dev.mailhelp.diagnosis.blocklist;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most N asynchronous tasks running at once; the others wait in a queue without holding a
 * thread. Keeps a many-address check from flooding the resolver or a list's servers.
 */
final class ConcurrencyLimit {

    private final int permits;
    private int running;
    private final Queue<Runnable> waiting = new ArrayDeque<>();

    ConcurrencyLimit(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("concurrency limit must be at least 1, got " + permits);
        }
        this.permits = permits;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> f;
            try {
                f = task.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((value, error) -> {
                release();
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < permits;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
