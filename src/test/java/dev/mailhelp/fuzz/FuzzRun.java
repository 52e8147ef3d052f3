package dev.mailhelp.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a target over generated inputs on a worker thread, watched: an input that has not
 * finished after the hang limit is recorded as a hang and the run continues on a new worker
 * (the stuck one is a daemon and abandoned).
 */
public final class FuzzRun {

    /** What the run saw; a failure keeps the input (escaped, shortened) so it can be replayed. */
    public record Result(String target, long inputs, List<String> crashes, List<String> hangs, long slowestMicros,
                  long elapsedMillis) {
        public boolean clean() {
            return crashes.isEmpty() && hangs.isEmpty();
        }
    }

    private FuzzRun() {
    }

    public static Result run(FuzzTarget target, long seed, long count, long hangMillis) throws InterruptedException {
        Mutator mutator = new Mutator(seed, target.seeds(), target.dictionary(), target.maxLength());
        List<String> crashes = new ArrayList<>();
        List<String> hangs = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        long start = System.nanoTime();
        while (done.get() < count) {
            Worker w = new Worker(target, mutator, count, done, slowest, crashes);
            Thread t = new Thread(w, "fuzz-" + target.name());
            t.setDaemon(true);
            t.start();
            while (t.isAlive()) {
                t.join(50);
                long began = w.startedAt;
                if (began != 0 && System.nanoTime() - began > hangMillis * 1_000_000L) {
                    synchronized (hangs) {
                        hangs.add(shown(w.current));
                    }
                    w.abandoned = true;
                    done.incrementAndGet();
                    break;
                }
            }
        }
        return new Result(target.name(), done.get(), List.copyOf(crashes), List.copyOf(hangs), slowest.get() / 1000,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static final class Worker implements Runnable {
        private final FuzzTarget target;
        private final Mutator mutator;
        private final long count;
        private final AtomicLong done;
        private final AtomicLong slowest;
        private final List<String> crashes;
        volatile long startedAt;
        volatile String current = "";
        volatile boolean abandoned;

        Worker(FuzzTarget target, Mutator mutator, long count, AtomicLong done, AtomicLong slowest, List<String> crashes) {
            this.target = target;
            this.mutator = mutator;
            this.count = count;
            this.done = done;
            this.slowest = slowest;
            this.crashes = crashes;
        }

        @Override
        public void run() {
            while (!abandoned && done.get() < count) {
                String input;
                synchronized (mutator) {
                    input = mutator.next();
                }
                current = input;
                long t0 = System.nanoTime();
                startedAt = t0;
                try {
                    target.property().check(input);
                } catch (Throwable e) {
                    if (abandoned) {
                        return;
                    }
                    synchronized (crashes) {
                        if (crashes.size() < 20) {
                            crashes.add(e + where(e) + " <- " + shown(input));
                        }
                    }
                }
                long took = System.nanoTime() - t0;
                startedAt = 0;
                if (abandoned) {
                    return;
                }
                slowest.accumulateAndGet(took, Math::max);
                done.incrementAndGet();
            }
        }
    }

    /** The first frames in mailhelp's own code, so a crash can be found without a rerun. */
    private static String where(Throwable e) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("dev.mailhelp.") && !f.getClassName().startsWith("dev.mailhelp.fuzz.") && n++ < 3) {
                b.append(" at ").append(f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1))
                        .append('.').append(f.getMethodName()).append(':').append(f.getLineNumber());
            }
        }
        return b.toString();
    }

    static String shown(String input) {
        StringBuilder b = new StringBuilder("\"");
        input.codePoints().limit(300).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && !Character.isLetterOrDigit(cp))) {
                b.append(String.format("\\u%04x", cp));
            } else if (cp == '"' || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(input.length() > 300 ? "\"… (" + input.length() + " chars)" : "\"").toString();
    }
}
