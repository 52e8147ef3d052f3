package dev.mailhelp.bench;

import dev.mailhelp.fuzz.FuzzRun;
import dev.mailhelp.fuzz.FuzzTarget;
import dev.mailhelp.fuzz.FuzzTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The long fuzz run of every parser (issue #12): by default 1,000,000 generated inputs per parser
 * from a fixed seed, each input checked against the parser's invariants, with a hang limit per
 * input (5 s unless {@code hang=MS}). Prints one line per parser: inputs, crashes, hangs, slowest
 * input, inputs per second.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.ParserFuzzBenchmark
 * -Dexec.args="1000000 20261204 [threads=N] [from=N] [hang=MS] [target ...]"}. Input {@code n} of a
 * seed is the same whatever the thread count, so {@code from=N} runs a later piece of the same run
 * (a million as two halves: {@code 500000 S from=0} and {@code 500000 S from=500000}). Not part of
 * CI; {@code ParserFuzzTest} runs 2,000 inputs per parser there.
 */
public final class ParserFuzzBenchmark {

    private ParserFuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261204L;
        int threads = Runtime.getRuntime().availableProcessors();
        long from = 0;
        long hangMillis = 5_000;
        List<String> only = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("threads=")) {
                threads = Integer.parseInt(args[i].substring(8));
            } else if (args[i].startsWith("from=")) {
                from = Long.parseLong(args[i].substring(5));
            } else if (args[i].startsWith("hang=")) {
                hangMillis = Long.parseLong(args[i].substring(5));
            } else {
                only.add(args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "seed %d, inputs %d to %d, %d threads, hang limit %d ms%n", seed, from,
                from + count - 1, threads, hangMillis);
        System.out.printf(Locale.ROOT, "%-22s %10s %8s %6s %12s %10s%n", "parser", "inputs", "crashes", "hangs",
                "slowest ms", "inputs/s");
        boolean clean = true;
        for (FuzzTarget t : FuzzTargets.all()) {
            if (!only.isEmpty() && !only.contains(t.name())) {
                continue;
            }
            FuzzRun.Result r = FuzzRun.run(t, seed, from, count, hangMillis, threads);
            System.out.printf(Locale.ROOT, "%-22s %10d %8d %6d %12.1f %10.0f%n", r.target(), r.inputs(),
                    r.crashCount(), r.hangs().size(), r.slowestMicros() / 1000.0,
                    r.inputs() * 1000.0 / Math.max(1, r.elapsedMillis()));
            r.crashes().forEach(c -> System.out.println("  crash: " + c));
            r.hangs().forEach(h -> System.out.println("  hang: " + h));
            System.out.flush();
            clean &= r.clean();
        }
        System.out.println(clean ? "0 crashes, 0 hangs" : "FAILURES above");
    }
}
