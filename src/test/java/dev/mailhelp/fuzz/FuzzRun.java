package dev.mailhelp.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a target over generated inputs on worker threads, watched. Inputs come in blocks of
 * {@link #BLOCK}: block {@code k} is made by its own {@link Mutator} seeded from the run's seed and
 * {@code k}, so input {@code n} is the same whatever the number of threads, and a long run can be
 * cut into pieces ({@code from}) that together cover exactly the inputs of one run. An input that
 * has not finished after the hang limit is recorded as a hang; its worker is abandoned (a daemon)
 * and a new worker carries on with the rest of that block.
 */
public final class FuzzRun {

    /** Inputs per block: small enough to spread over threads, large enough that seeding is noise. */
    static final int BLOCK = 1_000;

    /** Failures kept in full per run (the counts are exact). */
    private static final int KEPT = 20;

    /** What the run saw; a failure keeps the input (escaped, shortened) so it can be replayed. */
    public record Result(String target, long inputs, long crashCount, List<String> crashes, List<String> hangs,
                  long slowestMicros, long elapsedMillis) {
        public boolean clean() {
            return crashCount == 0 && hangs.isEmpty();
        }
    }

    private FuzzRun() {
    }

    /** One thread, inputs 0 to {@code count - 1}: the short run of the build. */
    public static Result run(FuzzTarget target, long seed, long count, long hangMillis) throws InterruptedException {
        return run(target, seed, 0, count, hangMillis, 1);
    }

    /** Inputs {@code from} to {@code from + count - 1} of the run with this seed, on {@code threads} workers. */
    public static Result run(FuzzTarget target, long seed, long from, long count, long hangMillis, int threads)
            throws InterruptedException {
        Shared shared = new Shared(target, seed, from, from + count);
        long start = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, threads); i++) {
            workers.add(Worker.start(shared, null));
        }
        long hangNanos = hangMillis * 1_000_000L;
        while (!workers.isEmpty()) {
            Thread.sleep(20);
            for (int i = 0; i < workers.size(); i++) {
                Worker w = workers.get(i);
                long began = w.startedAt;
                if (began != 0 && System.nanoTime() - began > hangNanos) {
                    w.abandoned = true;
                    synchronized (shared) {
                        shared.hangs.add(shown(w.current));
                    }
                    shared.done.incrementAndGet();
                    // the rest of the stuck worker's block goes to a new worker
                    workers.set(i, Worker.start(shared, w.block));
                } else if (!w.thread.isAlive()) {
                    workers.remove(i--);
                }
            }
        }
        return new Result(target.name(), shared.done.get(), shared.crashCount.get(), List.copyOf(shared.crashes),
                List.copyOf(shared.hangs), shared.slowest.get() / 1000, (System.nanoTime() - start) / 1_000_000);
    }

    /** State of one run that every worker shares. */
    private static final class Shared {
        final FuzzTarget target;
        final long seed;
        final long end;
        final AtomicLong nextBlockStart;
        final AtomicLong done = new AtomicLong();
        final AtomicLong slowest = new AtomicLong();
        final AtomicLong crashCount = new AtomicLong();
        final List<String> crashes = new ArrayList<>();
        final List<String> hangs = new ArrayList<>();

        Shared(FuzzTarget target, long seed, long from, long end) {
            this.target = target;
            this.seed = seed;
            this.end = end;
            this.nextBlockStart = new AtomicLong(from);
        }

        /** The next block of inputs, positioned at the first input asked for, or null when all are handed out. */
        Block nextBlock() {
            while (true) {
                long at = nextBlockStart.get();
                if (at >= end) {
                    return null;
                }
                long blockEnd = Math.min(end, (at / BLOCK + 1) * BLOCK);
                if (nextBlockStart.compareAndSet(at, blockEnd)) {
                    return new Block(this, at, blockEnd);
                }
            }
        }
    }

    /** Inputs {@code next} to {@code end - 1}, all in one block of {@link #BLOCK}. */
    private static final class Block {
        private final Mutator mutator;
        private long next;
        private final long end;

        Block(Shared s, long from, long end) {
            long k = from / BLOCK;
            this.mutator = new Mutator(s.seed * 0x9E3779B97F4A7C15L + k, s.target.seeds(), s.target.dictionary(),
                    s.target.maxLength());
            for (long skip = k * BLOCK; skip < from; skip++) {
                mutator.next();
            }
            this.next = from;
            this.end = end;
        }

        /** The next input, or null at the end of the block. */
        synchronized String take() {
            if (next >= end) {
                return null;
            }
            next++;
            return mutator.next();
        }
    }

    private static final class Worker implements Runnable {
        private final Shared shared;
        volatile Block block;
        volatile long startedAt;
        volatile String current = "";
        volatile boolean abandoned;
        Thread thread;

        private Worker(Shared shared, Block block) {
            this.shared = shared;
            this.block = block;
        }

        static Worker start(Shared shared, Block carryOn) {
            Worker w = new Worker(shared, carryOn);
            w.thread = new Thread(w, "fuzz-" + shared.target.name());
            w.thread.setDaemon(true);
            w.thread.start();
            return w;
        }

        @Override
        public void run() {
            while (!abandoned) {
                if (block == null) {
                    block = shared.nextBlock();
                    if (block == null) {
                        return;
                    }
                }
                String input = block.take();
                if (input == null) {
                    block = null;
                    continue;
                }
                current = input;
                long t0 = System.nanoTime();
                startedAt = t0;
                Throwable failed = null;
                try {
                    shared.target.property().check(input);
                } catch (Throwable e) {
                    failed = e;
                }
                long took = System.nanoTime() - t0;
                startedAt = 0;
                if (abandoned) {
                    return;
                }
                if (failed != null) {
                    shared.crashCount.incrementAndGet();
                    synchronized (shared) {
                        if (shared.crashes.size() < KEPT) {
                            shared.crashes.add(failed + where(failed) + " <- " + shown(input));
                        }
                    }
                }
                shared.slowest.accumulateAndGet(took, Math::max);
                shared.done.incrementAndGet();
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
