package dev.mailhelp.diagnosis.bounce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the reader on the labelled corpus ({@code data/bounces/labels.json}): per expected
 * result, in order, is the status code right, the reason (or the alternative label's), the branch.
 * Shared by the accuracy test and the benchmark.
 */
public final class CorpusScore {

    /** One expected result compared with what was read. */
    public record Row(String file, int index, String expectedStatus, String gotStatus, String expectedReason,
                      String altReason, String altStatus, String gotReason, Branch expectedBranch, Branch gotBranch,
                      String diagnostic, List<String> basis) {
        /** The sending-MTA family of the file: {@code lhost-postfix-12.eml} -> {@code lhost-postfix}. */
        public String family() {
            return familyOf(file);
        }

        public boolean statusOk() {
            return expectedStatus.equals(gotStatus) || (!altStatus.isEmpty() && altStatus.equals(gotStatus));
        }

        public boolean reasonOk() {
            return expectedReason.equals(gotReason) || (!altReason.isEmpty() && altReason.equals(gotReason));
        }

        public boolean branchOk() {
            return expectedBranch == gotBranch;
        }
    }

    private final List<Row> rows;
    private final int messages;

    private CorpusScore(List<Row> rows, int messages) {
        this.rows = rows;
        this.messages = messages;
    }

    public static CorpusScore run(BounceReader reader, Path corpusDir) throws IOException {
        return run(reader, corpusDir, java.util.function.UnaryOperator.identity());
    }

    /** Scores with every message passed through {@code mangle} first (CRLF, chat quoting, ...). */
    public static CorpusScore run(BounceReader reader, Path corpusDir, java.util.function.UnaryOperator<byte[]> mangle)
            throws IOException {
        return run(reader, corpusDir, mangle, f -> true);
    }

    /** Scores only the files {@code include} accepts. */
    public static CorpusScore run(BounceReader reader, Path corpusDir, java.util.function.UnaryOperator<byte[]> mangle,
                                  java.util.function.Predicate<String> include) throws IOException {
        JsonNode labels = new ObjectMapper().readTree(corpusDir.resolve("labels.json").toFile());
        List<Row> rows = new ArrayList<>();
        BounceRules rules = reader.rules();
        int messages = 0;
        for (JsonNode label : labels) {
            String file = label.get("file").asText();
            if (!include.test(file)) {
                continue;
            }
            messages++;
            byte[] bytes = mangle.apply(Files.readAllBytes(corpusDir.resolve(file)));
            List<RecipientResult> got;
            try {
                got = reader.read(bytes).results();
            } catch (UnreadableBounceException e) {
                got = List.of();
            }
            JsonNode expected = label.get("results");
            JsonNode alt = label.get("alt_results");
            for (int i = 0; i < expected.size(); i++) {
                JsonNode e = expected.get(i);
                JsonNode a = alt != null && alt.size() > i ? alt.get(i) : null;
                RecipientResult r = i < got.size() ? got.get(i) : null;
                String fbType = e.has("feedbacktype") ? e.get("feedbacktype").asText() : "";
                Branch expectedBranch = rules.branchOf(e.get("reason").asText(), fbType);
                rows.add(new Row(file, i, e.get("status").asText(), r == null ? "(none)" : statusForCompare(r),
                        e.get("reason").asText(), a == null ? "" : a.get("reason").asText(),
                        a == null ? "" : a.get("status").asText(),
                        r == null ? "(none)" : r.reason(), expectedBranch, r == null ? null : r.branch(),
                        r == null ? "" : r.diagnostic(), r == null ? List.of() : r.basis()));
            }
        }
        return new CorpusScore(rows, messages);
    }

    /** {@code lhost-postfix-12.eml} -> {@code lhost-postfix}; {@code arf-01.eml} -> {@code arf}. */
    public static String familyOf(String file) {
        String name = file.endsWith(".eml") ? file.substring(0, file.length() - 4) : file;
        int dash = name.lastIndexOf('-');
        return dash > 0 && name.substring(dash + 1).chars().allMatch(Character::isDigit) ? name.substring(0, dash) : name;
    }

    /** A score made of rows read by another reader (the Sisimai comparison). */
    static CorpusScore of(List<Row> rows, int messages) {
        return new CorpusScore(List.copyOf(rows), messages);
    }

    /** Scores of several runs taken together (the folds of a cross-validation). */
    public static CorpusScore combined(List<CorpusScore> parts) {
        List<Row> rows = new ArrayList<>();
        int messages = 0;
        for (CorpusScore p : parts) {
            rows.addAll(p.rows);
            messages += p.messages;
        }
        return new CorpusScore(rows, messages);
    }

    /** The corpus leaves the status empty for complaint reports and auto-replies. */
    private static String statusForCompare(RecipientResult r) {
        return r.reason().equals("feedback") || r.reason().equals("vacation") ? "" : r.status();
    }

    public List<Row> rows() {
        return rows;
    }

    public int messages() {
        return messages;
    }

    public double statusAccuracy() {
        return rows.stream().filter(Row::statusOk).count() / (double) rows.size();
    }

    public double reasonAccuracy() {
        return rows.stream().filter(Row::reasonOk).count() / (double) rows.size();
    }

    public double branchAccuracy() {
        return rows.stream().filter(Row::branchOk).count() / (double) rows.size();
    }

    /** expected reason -> (read reason -> count), for the rows where they differ. */
    public Map<String, Map<String, Integer>> confusion() {
        Map<String, Map<String, Integer>> m = new TreeMap<>();
        for (Row r : rows) {
            if (!r.reasonOk()) {
                m.computeIfAbsent(r.expectedReason(), k -> new TreeMap<>()).merge(r.gotReason(), 1, Integer::sum);
            }
        }
        return m;
    }

    public String summary() {
        return String.format("%d messages, %d results: status %.1f%%, reason %.1f%%, branch %.1f%%", messages,
                rows.size(), 100 * statusAccuracy(), 100 * reasonAccuracy(), 100 * branchAccuracy());
    }
}
