package dev.mailhelp.discord;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactions being worked on, for a graceful stop: once stopping, new interactions are
 * answered with "restarting, try again shortly"; the ones in flight may finish until a deadline,
 * after which their remaining work is cut short and they are answered with the same notice, so
 * nobody is left with "thinking…" forever.
 */
final class InFlight {

    private static final Logger LOG = LoggerFactory.getLogger(InFlight.class);

    /** Completes work a stop cut short; the reply shows the restarting notice, not an error. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the bot is stopping", null, false, false);
        }
    }

    /**
     * What a stop did: interactions in flight when it began, those answered by the finish deadline,
     * those whose running work was cut short (they get the restarting notice), and whether every
     * one had its answer by the end.
     */
    record Drain(int inFlight, int finished, int cut, boolean allAnswered) { }

    private final Set<CompletableFuture<?>> work = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> answers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean cutting;

    boolean stopping() {
        return stopping;
    }

    /** Work a stop may cut short: completes as {@code running} does, or with {@link Stopped} at the deadline. */
    <T> CompletableFuture<T> cuttable(CompletableFuture<T> running) {
        CompletableFuture<T> out = new CompletableFuture<>();
        work.add(out);
        out.whenComplete((v, e) -> work.remove(out));
        running.whenComplete((v, e) -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(v);
            }
        });
        if (cutting) {
            out.completeExceptionally(new Stopped());
        }
        return out;
    }

    /** The whole answer of one interaction (work, rendering, the final edit): a stop waits for it. */
    <T> CompletableFuture<T> answering(CompletableFuture<T> answer) {
        answers.add(answer);
        answer.whenComplete((v, e) -> answers.remove(answer));
        return answer;
    }

    int open() {
        return answers.size();
    }

    /**
     * Stops taking new work, waits up to {@code finish} for what is in flight, then cuts the rest
     * and waits up to {@code answer} for those users to be told.
     */
    Drain stop(Duration finish, Duration answer) {
        stopping = true;
        int before = answers.size();
        LOG.info("stopping: new interactions are asked to try again shortly; {} in flight may finish for {} ms",
                before, finish.toMillis());
        long deadline = System.nanoTime() + finish.toNanos();
        while (!answers.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
        }
        int left = answers.size();
        cutting = true;
        int cut = 0;
        for (CompletableFuture<?> w : Set.copyOf(work)) {
            // Work already done is not cut: its answer is on its way.
            if (w.completeExceptionally(new Stopped())) {
                cut++;
            }
        }
        long answerDeadline = System.nanoTime() + answer.toNanos();
        while (!answers.isEmpty() && System.nanoTime() < answerDeadline) {
            sleep(20);
        }
        Drain drain = new Drain(before, before - left, cut, answers.isEmpty());
        LOG.info("stopped taking interactions: {} in flight, {} answered by the deadline, {} cut short, all answered: {}",
                drain.inFlight(), drain.finished(), drain.cut(), drain.allAnswered());
        return drain;
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            // Asked to hurry: the remaining waits are skipped by the deadlines' callers.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping", e);
        }
    }

    /** The notice for a user whose work a stop cut short, or who arrived while stopping. */
    static MessageView stoppedView(Texts texts) {
        return MessageView.of(new MessageView.EmbedView(texts.get("stopping.title"), texts.get("stopping.text"),
                StepRenderer.STEP_COLOUR, java.util.List.of(), ""), java.util.List.of());
    }
}
