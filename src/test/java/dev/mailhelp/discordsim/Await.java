package dev.mailhelp.discordsim;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until a deadline: tests wait for what the bot does, never for a fixed time. */
public final class Await {

    /**
     * Generous on purpose: a wait ends as soon as its condition holds, so the limit costs nothing when
     * all is well and only bounds a broken run; a loaded CI machine must never reach it.
     */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    /**
     * Returns the first present value of {@code probe}, or fails naming {@code what} and the last
     * state seen ({@code state}) when the deadline passes.
     */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last state: " + state.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static <T> T until(String what, Supplier<Optional<T>> probe) {
        return until(what, DEFAULT, probe, () -> "(none)");
    }

    public static void until(String what, Supplier<Boolean> condition, Duration timeout) {
        until(what, timeout, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty(), () -> "(condition false)");
    }
}
