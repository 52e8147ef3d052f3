package dev.mailhelp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailhelp.diagnosis.bounce.BounceReader;
import dev.mailhelp.diagnosis.bounce.BounceReport;
import dev.mailhelp.diagnosis.bounce.BounceRules;
import dev.mailhelp.diagnosis.bounce.SisimaiComparison;
import dev.mailhelp.diagnosis.bounce.UnreadableBounceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bounces from a second public origin, never used to write the rules: the test corpus of Perl's
 * Mail::DeliveryStatus::BounceParser, labelled coarsely by that project's own tests (the
 * {@code std_reason} each {@code t/*.t} asserts; the label table is
 * {@code src/test/resources/bounces/second-origin-labels.tsv}, the mail itself is read from the
 * origin and never copied into this project). Each labelled file is read by mailhelp and by Sisimai
 * (Debian's libsisimai-perl, through {@link SisimaiComparison}'s runner), both reasons are mapped to
 * the origin's six classes by one table ({@link #CLASS_OF_REASON}), and the first result of each
 * file is compared with its label.
 *
 * <p>Honesty protocol: the files are split before any result is seen, by the first byte of the
 * SHA-256 of the file name (even: "dev", odd: "holdout"). Only dev failures are studied and fixed,
 * by general rules; the holdout half is measured at the end.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.SecondOriginBenchmark
 * -Dexec.args="/path/to/Mail-DeliveryStatus-BounceParser [dev|holdout|all]"} where the path is a
 * checkout (with {@code t/corpus}) or a bare git directory (read with {@code git show HEAD:…}).
 */
public final class SecondOriginBenchmark {

    /**
     * mailhelp's and Sisimai's reasons (one vocabulary) -> the origin's classes, by what each reason
     * means. BounceParser's "domain_error" covers any refusal because the recipient's domain is not
     * served there (no such host, no MX, relaying denied, not in rcpthosts); its "spam" covers
     * refusals of the message or its sending host as unwanted (spam content, block lists, bad
     * reputation, virus, content policy). Reasons outside the table map to "other" (never right).
     */
    static final Map<String, String> CLASS_OF_REASON = Map.ofEntries(
            Map.entry("userunknown", "user_unknown"),
            Map.entry("filtered", "user_unknown"),
            Map.entry("hasmoved", "user_unknown"),
            Map.entry("suspend", "user_disabled"),
            Map.entry("mailboxfull", "over_quota"),
            Map.entry("hostunknown", "domain_error"),
            Map.entry("notaccept", "domain_error"),
            Map.entry("norelaying", "domain_error"),
            Map.entry("mesgtoobig", "message_too_large"),
            Map.entry("exceedlimit", "message_too_large"),
            Map.entry("spamdetected", "spam"),
            Map.entry("blocked", "spam"),
            Map.entry("badreputation", "spam"),
            Map.entry("virusdetected", "spam"),
            Map.entry("policyviolation", "spam"));

    private static final long GIT_TIMEOUT_SECONDS = 60;

    /** One labelled file of the origin. */
    record Labelled(String file, String label, String test) {
        String half() {
            return halfOf(file);
        }
    }

    /** One file's readings. */
    record Row(Labelled labelled, String mailhelpReason, String sisimaiReason) {
        boolean mailhelpRight() {
            return labelled.label().equals(classOf(mailhelpReason));
        }

        boolean sisimaiRight() {
            return labelled.label().equals(classOf(sisimaiReason));
        }
    }

    private SecondOriginBenchmark() {
    }

    static String classOf(String reason) {
        return CLASS_OF_REASON.getOrDefault(reason, "other");
    }

    /** "dev" or "holdout", fixed by the file name alone. */
    static String halfOf(String file) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8));
            return (h[0] & 1) == 0 ? "dev" : "holdout";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static List<Labelled> labels() throws IOException {
        try (InputStream in = SecondOriginBenchmark.class.getResourceAsStream("/bounces/second-origin-labels.tsv")) {
            if (in == null) {
                throw new IOException("test resource /bounces/second-origin-labels.tsv missing");
            }
            List<Labelled> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 3) {
                    throw new IOException("second-origin-labels.tsv: expected file, class, test in: " + line);
                }
                out.add(new Labelled(f[0], f[1], f[2]));
            }
            return out;
        }
    }

    /** The origin: a checkout with t/corpus, or a bare git directory. */
    static final class Origin {
        private final Path path;
        private final boolean git;

        Origin(Path path) throws IOException {
            this.path = path;
            if (Files.isDirectory(path.resolve("t").resolve("corpus"))) {
                git = false;
            } else if (Files.isRegularFile(path.resolve("HEAD")) && Files.isDirectory(path.resolve("objects"))) {
                git = true;
            } else {
                throw new IOException(path + " is neither a checkout of Mail-DeliveryStatus-BounceParser (with t/corpus)"
                        + " nor its git directory (with HEAD and objects)");
            }
        }

        byte[] read(String repoPath) throws IOException {
            if (!git) {
                return Files.readAllBytes(path.resolve(repoPath));
            }
            Path out = Files.createTempFile("origin", ".bin");
            try {
                Process p = new ProcessBuilder("git", "--git-dir=" + path, "show", "HEAD:" + repoPath)
                        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("git show " + repoPath + " took longer than " + GIT_TIMEOUT_SECONDS + " s");
                }
                if (p.exitValue() != 0) {
                    throw new IOException(repoPath + " is not in " + path + " (git show exited with " + p.exitValue() + ")");
                }
                return Files.readAllBytes(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + repoPath, e);
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    /** Reads every labelled file of {@code half} ("dev", "holdout" or "all") with mailhelp and Sisimai. */
    static List<Row> run(Origin origin, String half, BounceReader reader) throws IOException, InterruptedException {
        List<Labelled> chosen = labels().stream().filter(l -> half.equals("all") || l.half().equals(half))
                .sorted(Comparator.comparing(Labelled::file)).toList();
        Path dir = Files.createTempDirectory("second-origin");
        try {
            Map<String, String> mailhelp = new LinkedHashMap<>();
            for (Labelled l : chosen) {
                byte[] mail = origin.read("t/corpus/" + l.file());
                // The test that asserts the label must name the file (or the glob it belongs to).
                String test = new String(origin.read(l.test()), StandardCharsets.UTF_8);
                String stem = l.file().replaceAll("[-0-9]*\\.msg$", "");
                if (!test.contains(l.file()) && !test.contains(stem)) {
                    throw new IOException(l.test() + " does not name " + l.file() + ": the label table is out of date");
                }
                Files.write(dir.resolve(l.file() + ".eml"), mail);
                mailhelp.put(l.file(), mailhelpReason(reader, mail));
            }
            SisimaiComparison.Readings sisimai = SisimaiComparison.installedVersion().isEmpty() ? null
                    : SisimaiComparison.read(dir);
            List<Row> rows = new ArrayList<>();
            for (Labelled l : chosen) {
                String s = "(not installed)";
                if (sisimai != null) {
                    List<JsonNode> got = sisimai.byFile().getOrDefault(l.file() + ".eml", List.of());
                    s = got.isEmpty() ? "(none)" : got.get(0).path("reason").asText();
                }
                rows.add(new Row(l, mailhelp.get(l.file()), s));
            }
            return rows;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String mailhelpReason(BounceReader reader, byte[] mail) {
        try {
            BounceReport r = reader.read(mail);
            return r.results().isEmpty() ? "(none)" : r.results().get(0).reason();
        } catch (UnreadableBounceException e) {
            return "(unreadable)";
        }
    }

    static String summary(String name, List<Row> rows) {
        long m = rows.stream().filter(Row::mailhelpRight).count();
        long s = rows.stream().filter(Row::sisimaiRight).count();
        return String.format(Locale.ROOT, "%-8s %3d files: mailhelp %3d (%.1f %%), Sisimai %3d (%.1f %%)", name, rows.size(),
                m, rows.isEmpty() ? 0 : 100.0 * m / rows.size(), s, rows.isEmpty() ? 0 : 100.0 * s / rows.size());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SecondOriginBenchmark <checkout or git dir of Mail-DeliveryStatus-BounceParser>"
                    + " [dev|holdout|all]");
            System.exit(2);
        }
        String half = args.length > 1 ? args[1] : "dev";
        if (!List.of("dev", "holdout", "all").contains(half)) {
            System.err.println("the half must be dev, holdout or all, not '" + half + "'");
            System.exit(2);
        }
        Origin origin;
        try {
            origin = new Origin(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BounceReader reader = new BounceReader(BounceRules.load(Path.of("knowledge")));
        List<Row> rows = run(origin, half, reader);
        System.out.println("half | file | label | mailhelp reason -> class | Sisimai reason -> class");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%s | %s | %s | %s -> %s %s | %s -> %s %s%n", r.labelled().half(),
                    r.labelled().file(), r.labelled().label(), r.mailhelpReason(), classOf(r.mailhelpReason()),
                    r.mailhelpRight() ? "ok" : "WRONG", r.sisimaiReason(), classOf(r.sisimaiReason()),
                    r.sisimaiRight() ? "ok" : "WRONG");
        }
        System.out.println("Sisimai " + SisimaiComparison.installedVersion());
        for (String h : List.of("dev", "holdout")) {
            List<Row> part = rows.stream().filter(r -> r.labelled().half().equals(h)).toList();
            if (!part.isEmpty()) {
                System.out.println(summary(h, part));
            }
        }
        if (half.equals("all")) {
            System.out.println(summary("all", rows));
        }
    }
}
