package dev.mailhelp.bench;

import dev.mailhelp.diagnosis.bounce.BounceReader;
import dev.mailhelp.diagnosis.bounce.BounceRules;
import dev.mailhelp.diagnosis.bounce.CorpusScore;
import dev.mailhelp.diagnosis.bounce.FamilyCrossValidation;
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
        BounceReader reader = new BounceReader(BounceRules.load(Path.of(System.getProperty("mailhelp.knowledge", "knowledge"))));
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
        tenMegabytePastes(reader);
        CorpusScore score = CorpusScore.run(reader, corpus);
        System.out.println("accuracy: " + score.summary());
        FamilyCrossValidation cv = FamilyCrossValidation.run(reader.rules(), corpus);
        System.out.println("leave-one-family-out: " + cv.heldOut().summary());
        System.out.printf("gap (points): status %.1f, reason %.1f, branch %.1f%n", cv.gap().get("status"),
                cv.gap().get("reason"), cv.gap().get("branch"));
        System.out.print(cv.table());
        System.out.println("confusion (expected reason -> read reason: count), mismatches only:");
        for (Map.Entry<String, Map<String, Integer>> e : score.confusion().entrySet()) {
            System.out.println("  " + e.getKey() + " -> " + e.getValue());
        }
    }

    /**
     * A 10 MB paste, twice: a real bounce whose returned original carries a large attachment (read
     * without it) and 10 MB of text that is no bounce (refused). Each timed cold, then after warm-up.
     */
    private static void tenMegabytePastes(BounceReader reader) {
        String bounce = "From: MAILER-DAEMON@mx.example.org\nTo: alice@example.org\nSubject: Undelivered Mail Returned to Sender\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
                + "--B\nContent-Type: text/plain\n\n<bob@example.net>: host mx.example.net[192.0.2.25] said: 550 5.1.1 <bob@example.net>: "
                + "Recipient address rejected: User unknown (in reply to RCPT TO command)\n"
                + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
                + "Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\n\n"
                + "--B\nContent-Type: message/rfc822\n\nFrom: alice@example.org\nTo: bob@example.net\nSubject: report\n"
                + "MIME-Version: 1.0\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n";
        StringBuilder big = new StringBuilder(bounce);
        while (big.length() < 10 * 1024 * 1024) {
            big.append("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n");
        }
        String withAttachment = big.append("--B--\n").toString();
        String noBounce = "x".repeat(10 * 1024 * 1024);
        for (String[] c : new String[][] {{"bounce with a 10 MB returned attachment", withAttachment},
                {"10 MB that is no bounce", noBounce}}) {
            long cold = timeOne(reader, c[1]);
            for (int i = 0; i < 20; i++) {
                timeOne(reader, c[1]);
            }
            System.out.printf("10 MB paste, %s: first %.1f ms, warm %.1f ms%n", c[0], cold / 1e6, timeOne(reader, c[1]) / 1e6);
        }
    }

    private static long timeOne(BounceReader reader, String paste) {
        long t0 = System.nanoTime();
        try {
            reader.read(paste);
        } catch (UnreadableBounceException e) {
            // refused: also an answer
        }
        return System.nanoTime() - t0;
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
