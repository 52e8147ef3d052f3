package dev.mailhelp.bench;

import dev.mailhelp.diagnosis.bounce.BounceReader;
import dev.mailhelp.diagnosis.bounce.BounceRules;
import dev.mailhelp.diagnosis.bounce.CorpusScore;
import dev.mailhelp.diagnosis.bounce.UnreadableBounceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bounce reader throughput on the shared corpus (messages per second, one thread, in-process,
 * after warm-up) and the accuracy figures with the confusion between reasons.
 * Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.BounceBenchmark}
 * (optionally {@code -Dmailhelp.shared=/path/to/shared}).
 */
public final class BounceBenchmark {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("mailhelp.shared", "../shared"), "data", "bounces");
        if (!Files.isRegularFile(corpus.resolve("labels.json"))) {
            System.err.println("bounce corpus folder " + corpus + " missing");
            System.exit(2);
        }
        BounceReader reader = new BounceReader(BounceRules.load(Path.of("knowledge")));
        List<byte[]> messages = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                messages.add(b);
                bytes += b.length;
            }
        }
        // Warm-up so the JIT has compiled the hot paths before timing.
        for (int round = 0; round < 5; round++) {
            readAll(reader, messages);
        }
        int rounds = 20;
        long[] perRound = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            readAll(reader, messages);
            perRound[round] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(perRound);
        double medianSec = perRound[rounds / 2] / 1e9;
        double bestSec = perRound[0] / 1e9;
        System.out.printf("corpus: %d messages, %.1f KiB%n", messages.size(), bytes / 1024.0);
        System.out.printf("throughput (median of %d rounds): %.0f messages/s (%.2f ms per message); best round %.0f messages/s%n",
                rounds, messages.size() / medianSec, medianSec * 1000 / messages.size(), messages.size() / bestSec);
        CorpusScore score = CorpusScore.run(reader, corpus);
        System.out.println("accuracy: " + score.summary());
        System.out.println("confusion (expected reason -> read reason: count), mismatches only:");
        for (Map.Entry<String, Map<String, Integer>> e : score.confusion().entrySet()) {
            System.out.println("  " + e.getKey() + " -> " + e.getValue());
        }
    }

    private static int readAll(BounceReader reader, List<byte[]> messages) {
        int results = 0;
        for (byte[] m : messages) {
            try {
                results += reader.read(m).results().size();
            } catch (UnreadableBounceException e) {
                results--;
            }
        }
        return results;
    }
}
