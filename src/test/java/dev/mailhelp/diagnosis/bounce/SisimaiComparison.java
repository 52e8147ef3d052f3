package dev.mailhelp.diagnosis.bounce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Sisimai (the Perl reference library, Debian's libsisimai-perl) on the same labelled corpus, scored
 * the way {@link CorpusScore} scores mailhelp: per expected result, in order, status / reason (or
 * the alternative label) / branch (Sisimai's reason mapped to a branch by our reason table). Put
 * next to mailhelp's plain and leave-one-family-out figures, per family, in docs/benchmarks.md.
 */
public final class SisimaiComparison {

    /** Where the runner script lives (a test resource). */
    static final Path SCRIPT = Path.of("src/test/resources/bounces/sisimai/read-bounces.pl");
    private static final long TIMEOUT_SECONDS = 300;

    /** Sisimai's readings of one corpus: file name -> its results (status, reason, feedbacktype). */
    public record Readings(Map<String, List<JsonNode>> byFile, String version) {
    }

    private SisimaiComparison() {
    }

    /**
     * The installed Sisimai's version for a test that compares with it: without Sisimai the test
     * fails under CI=true (.ci/run installs it) and is skipped with the reason otherwise.
     */
    static String requireInstalled() {
        String version = installedVersion();
        if (version.isEmpty()) {
            String why = "Sisimai not installed (Debian package libsisimai-perl, installed by .ci/run)";
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(why);
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        return version;
    }

    /** The installed Sisimai's version, or empty when Perl or Sisimai is missing. */
    public static String installedVersion() {
        try {
            Process p = new ProcessBuilder("perl", "-MSisimai", "-e", "print $Sisimai::VERSION")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Runs Sisimai once over every {@code .eml} of the corpus folder. */
    public static Readings read(Path corpus) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("perl", SCRIPT.toString()));
        try (var files = Files.list(corpus)) {
            files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().forEach(f -> cmd.add(f.toString()));
        }
        Path out = Files.createTempFile("sisimai", ".jsonl");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // Sisimai walks some wording tables as Perl hashes, whose order Perl randomises per
            // run; a fixed seed makes its reading of a tied wording the same every run.
            pb.environment().put("PERL_HASH_SEED", "0");
            pb.environment().put("PERL_PERTURB_KEYS", "0");
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Sisimai did not finish reading the corpus within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("Sisimai runner exited with " + p.exitValue());
            }
            ObjectMapper json = new ObjectMapper();
            Map<String, List<JsonNode>> byFile = new HashMap<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = json.readTree(line);
                List<JsonNode> results = new ArrayList<>();
                o.path("results").forEach(results::add);
                byFile.put(o.path("file").asText(), results);
            }
            return new Readings(byFile, installedVersion());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Sisimai's readings scored against the labels, row for row like mailhelp's. */
    public static CorpusScore score(Readings sisimai, BounceRules rules, Path corpus) throws IOException {
        JsonNode labels = new ObjectMapper().readTree(corpus.resolve("labels.json").toFile());
        List<CorpusScore.Row> rows = new ArrayList<>();
        int messages = 0;
        for (JsonNode label : labels) {
            String file = label.get("file").asText();
            messages++;
            List<JsonNode> got = sisimai.byFile().getOrDefault(file, List.of());
            JsonNode expected = label.get("results");
            JsonNode alt = label.get("alt_results");
            for (int i = 0; i < expected.size(); i++) {
                JsonNode e = expected.get(i);
                JsonNode a = alt != null && alt.size() > i ? alt.get(i) : null;
                JsonNode g = i < got.size() ? got.get(i) : null;
                String fbType = e.has("feedbacktype") ? e.get("feedbacktype").asText() : "";
                String gotReason = g == null ? "(none)" : g.path("reason").asText();
                String gotStatus = g == null ? "(none)"
                        : gotReason.equals("feedback") || gotReason.equals("vacation") ? "" : g.path("status").asText();
                Branch gotBranch = g == null ? null : rules.branchOf(gotReason, g.path("feedbacktype").asText());
                rows.add(new CorpusScore.Row(file, i, e.get("status").asText(), gotStatus, e.get("reason").asText(),
                        a == null ? "" : a.get("reason").asText(), a == null ? "" : a.get("status").asText(), gotReason,
                        rules.branchOf(e.get("reason").asText(), fbType), gotBranch, "", List.of()));
            }
        }
        return CorpusScore.of(rows, messages);
    }

    private static String triple(List<CorpusScore.Row> rows) {
        if (rows.isEmpty()) {
            return "-";
        }
        double n = rows.size();
        return String.format("%.1f / %.1f / %.1f", 100 * rows.stream().filter(CorpusScore.Row::statusOk).count() / n,
                100 * rows.stream().filter(CorpusScore.Row::reasonOk).count() / n,
                100 * rows.stream().filter(CorpusScore.Row::branchOk).count() / n);
    }

    private static Map<String, List<CorpusScore.Row>> byFamily(CorpusScore s) {
        Map<String, List<CorpusScore.Row>> m = new TreeMap<>();
        s.rows().forEach(r -> m.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r));
        return m;
    }

    /** Markdown: per family mailhelp plain, mailhelp held out, Sisimai; then the totals. */
    static String table(CorpusScore plain, CorpusScore heldOut, CorpusScore sisimai) {
        Map<String, List<CorpusScore.Row>> p = byFamily(plain);
        Map<String, List<CorpusScore.Row>> h = byFamily(heldOut);
        Map<String, List<CorpusScore.Row>> s = byFamily(sisimai);
        StringBuilder b = new StringBuilder();
        b.append("| family | results | mailhelp plain | mailhelp held out | Sisimai |\n|---|---:|---|---|---|\n");
        p.forEach((family, rows) -> b.append(String.format("| %s | %d | %s | %s | %s |%n", family, rows.size(),
                triple(rows), triple(h.getOrDefault(family, List.of())), triple(s.getOrDefault(family, List.of())))));
        b.append(String.format("| **all** | %d | **%s** | **%s** | **%s** |%n", plain.rows().size(),
                triple(plain.rows()), triple(heldOut.rows()), triple(sisimai.rows())));
        return b.toString();
    }

    /** Rows Sisimai reads right and mailhelp, with the family held out, reads wrong (where to learn from). */
    static List<String> sisimaiRightHeldOutWrong(CorpusScore heldOut, CorpusScore sisimai) {
        Map<String, CorpusScore.Row> sis = new HashMap<>();
        sisimai.rows().forEach(r -> sis.put(r.file() + "#" + r.index(), r));
        List<String> out = new ArrayList<>();
        for (CorpusScore.Row r : heldOut.rows()) {
            CorpusScore.Row s = sis.get(r.file() + "#" + r.index());
            if (s != null && s.reasonOk() && !r.reasonOk()) {
                String d = r.diagnostic().length() > 140 ? r.diagnostic().substring(0, 140) : r.diagnostic();
                out.add(r.file() + "#" + r.index() + " expected " + r.expectedReason() + ", mailhelp " + r.gotReason()
                        + " " + r.basis() + " | " + d);
            }
        }
        return out;
    }

    /** Prints the per-family table and the rows to learn from (for docs/benchmarks.md). */
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("mailhelp.shared", "../shared"), "data", "bounces");
        BounceRules rules = BounceRules.load(Path.of("knowledge"));
        FamilyCrossValidation cv = FamilyCrossValidation.run(rules, corpus);
        Readings readings = read(corpus);
        CorpusScore sisimai = score(readings, rules, corpus);
        System.out.println("Sisimai " + readings.version() + ": " + sisimai.summary());
        System.out.println("mailhelp plain:    " + cv.plain().summary());
        System.out.println("mailhelp held out: " + cv.heldOut().summary());
        System.out.print(table(cv.plain(), cv.heldOut(), sisimai));
        System.out.println("Sisimai right, mailhelp (family held out) wrong:");
        sisimaiRightHeldOutWrong(cv.heldOut(), sisimai).forEach(System.out::println);
    }
}
