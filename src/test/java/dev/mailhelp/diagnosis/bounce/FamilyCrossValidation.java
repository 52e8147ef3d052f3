package dev.mailhelp.diagnosis.bounce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Leave-one-family-out cross-validation of the bounce reader on the labelled corpus: each fold
 * holds out every sample of one sending-MTA family (the {@code lhost-…}/{@code rhost-…}/{@code arf}
 * prefix of the file name) and reads them with the rules built without that family.
 *
 * <p>Which rules a family "built": every rule names itself in the decisions it takes part in
 * ({@link RecipientResult#basis()}). A rule's evidence is the set of families in which it took part
 * in a <em>right</em> reading on the full rule set. A rule whose only evidence is family F would not
 * have been written without F, so the fold of F drops it ({@link BounceRules#without}); a rule with
 * evidence in two or more families, or in none (written from MTA documentation, or only ever
 * wrong), stays. Evidence also comes from {@link DocumentedWordings}: replies written from an MTA's
 * source or documentation ({@code documented:postfix}, ...), which no fold holds out because they
 * are not corpus mail. Structure (report parsing, RFC 3463 handling, the precedence) is code and common to
 * every fold. This errs on the side of dropping: a documented rule that only one family of the
 * corpus happens to exercise is dropped from that fold too.
 */
public final class FamilyCrossValidation {

    /** Scores of one family: plain (all rules) and held out (rules built without it). */
    public record Fold(String family, CorpusScore plain, CorpusScore heldOut, Set<String> dropped) {
    }

    private final List<Fold> folds;
    private final CorpusScore plain;
    private final CorpusScore heldOut;
    private final Map<String, Set<String>> evidence;

    private FamilyCrossValidation(List<Fold> folds, CorpusScore plain, CorpusScore heldOut,
                                  Map<String, Set<String>> evidence) {
        this.folds = folds;
        this.plain = plain;
        this.heldOut = heldOut;
        this.evidence = evidence;
    }

    public static FamilyCrossValidation run(BounceRules rules, Path corpus) throws IOException {
        CorpusScore plain = CorpusScore.run(new BounceReader(rules), corpus);
        Map<String, Set<String>> evidence = evidence(plain);
        // Wordings written from MTA documentation are evidence of their own, independent of the corpus.
        BounceReader full = new BounceReader(rules);
        for (DocumentedWordings.Wording w : DocumentedWordings.all()) {
            RecipientResult r = DocumentedWordings.read(full, w);
            if (r != null && r.reason().equals(w.reason())) {
                for (String rule : r.basis()) {
                    evidence.computeIfAbsent(rule, k -> new TreeSet<>()).add(w.family());
                }
            }
        }
        Set<String> families = new TreeSet<>();
        plain.rows().forEach(r -> families.add(r.family()));
        List<Fold> folds = new ArrayList<>();
        List<CorpusScore> heldOutParts = new ArrayList<>();
        for (String family : families) {
            Set<String> dropped = new TreeSet<>();
            evidence.forEach((rule, fams) -> {
                if (fams.size() == 1 && fams.contains(family) && !documentedElsewhere(rule)) {
                    dropped.add(rule);
                }
            });
            BounceReader without = new BounceReader(rules.without(dropped::contains));
            CorpusScore held = CorpusScore.run(without, corpus, UnaryOperator.identity(),
                    f -> CorpusScore.familyOf(f).equals(family));
            CorpusScore same = CorpusScore.run(new BounceReader(rules), corpus, UnaryOperator.identity(),
                    f -> CorpusScore.familyOf(f).equals(family));
            folds.add(new Fold(family, same, held, dropped));
            heldOutParts.add(held);
        }
        return new FamilyCrossValidation(folds, plain, CorpusScore.combined(heldOutParts), evidence);
    }

    /**
     * Rules written from a published definition rather than from sample mail, kept in every fold:
     * status and reply code tables (the RFC 3463 / RFC 5248 registry and RFC 5321 reply codes),
     * provider codes (each with its provider's page as {@code source}), the SMTP-stage rules
     * (the commands of RFC 5321), the Diagnostic-Code types, the Action field and a program as the
     * recipient (RFC 3464 reports of pipe deliveries), a final report of a failure the text calls
     * temporary (RFC 5321 4yz replies: the sender's server gave up retrying).
     */
    static boolean documentedElsewhere(String rule) {
        return rule.startsWith("status:") || rule.startsWith("strong:") || rule.startsWith("reply:")
                || rule.startsWith("code:") || rule.startsWith("command:") || rule.startsWith("diagnosticType:")
                || rule.startsWith("action:") || rule.startsWith("recipientType:") || rule.startsWith("temporary:");
    }

    /** rule id -> families in which it took part in a right reading. */
    private static Map<String, Set<String>> evidence(CorpusScore plain) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (CorpusScore.Row r : plain.rows()) {
            if (!r.reasonOk()) {
                continue;
            }
            for (String rule : r.basis()) {
                out.computeIfAbsent(rule, k -> new TreeSet<>()).add(r.family());
            }
        }
        return out;
    }

    public List<Fold> folds() {
        return folds;
    }

    public CorpusScore plain() {
        return plain;
    }

    /** All held-out readings together: the cross-validated figure. */
    public CorpusScore heldOut() {
        return heldOut;
    }

    /** How many rules have evidence in exactly one family (each dropped in that family's fold). */
    public int singleFamilyRules() {
        return (int) evidence.values().stream().filter(f -> f.size() == 1).count();
    }

    public int rulesWithEvidence() {
        return evidence.size();
    }

    /** Points lost on held-out families: plain minus cross-validated, per measure. */
    public Map<String, Double> gap() {
        Map<String, Double> g = new LinkedHashMap<>();
        g.put("status", 100 * (plain.statusAccuracy() - heldOut.statusAccuracy()));
        g.put("reason", 100 * (plain.reasonAccuracy() - heldOut.reasonAccuracy()));
        g.put("branch", 100 * (plain.branchAccuracy() - heldOut.branchAccuracy()));
        return g;
    }

    /** A Markdown table: one line per family, then the totals. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append("| family | results | plain status / reason / branch | held out status / reason / branch | rules dropped |\n");
        b.append("|---|---:|---|---|---:|\n");
        for (Fold f : folds) {
            b.append(String.format("| %s | %d | %s | %s | %d |%n", f.family(), f.plain().rows().size(),
                    triple(f.plain()), triple(f.heldOut()), f.dropped().size()));
        }
        b.append(String.format("| **all** | %d | **%s** | **%s** | %d |%n", plain.rows().size(), triple(plain),
                triple(heldOut), singleFamilyRules()));
        return b.toString();
    }

    private static String triple(CorpusScore s) {
        return String.format("%.1f / %.1f / %.1f", 100 * s.statusAccuracy(), 100 * s.reasonAccuracy(),
                100 * s.branchAccuracy());
    }

    /** Prints the table and the gap (for docs/benchmarks.md). */
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("mailhelp.shared", "../shared"), "data", "bounces");
        FamilyCrossValidation cv = run(BounceRules.load(Path.of("knowledge")), corpus);
        System.out.print(cv.table());
        System.out.println("plain:     " + cv.plain().summary());
        System.out.println("held out:  " + cv.heldOut().summary());
        System.out.printf("gap (points): status %.1f, reason %.1f, branch %.1f%n", cv.gap().get("status"),
                cv.gap().get("reason"), cv.gap().get("branch"));
        System.out.printf("rules with evidence: %d, of which from one family only: %d%n", cv.rulesWithEvidence(),
                cv.singleFamilyRules());
        if (args.length > 0 && args[0].equals("--rules")) {
            cv.evidence.forEach((rule, fams) -> System.out.println(fams.size() + "\t" + rule + "\t" + fams));
        }
        if (args.length > 0 && args[0].equals("--costly")) {
            Map<String, Integer> cost = new TreeMap<>();
            for (int i = 0; i < cv.heldOut().rows().size(); i++) {
                CorpusScore.Row h = cv.heldOut().rows().get(i);
                if (h.reasonOk()) {
                    continue;
                }
                for (CorpusScore.Row p : cv.plain().rows()) {
                    if (p.file().equals(h.file()) && p.index() == h.index() && p.reasonOk()) {
                        p.basis().forEach(rule -> cost.merge(rule + " " + cv.evidence.get(rule), 1, Integer::sum));
                        String d = h.diagnostic().length() > 150 ? h.diagnostic().substring(0, 150) : h.diagnostic();
                        System.out.println("GAP " + h.file() + " " + h.expectedReason() + "/" + h.gotReason() + " " + h.basis()
                                + " was " + p.basis() + " | " + d);
                    }
                }
            }
            cost.forEach((k, v) -> System.out.println(v + "\t" + k));
        }
        if (args.length > 0 && (args[0].equals("--misses") || args[0].equals("--plain-misses"))) {
            for (CorpusScore.Row r : (args[0].equals("--misses") ? cv.heldOut() : cv.plain()).rows()) {
                if (!r.reasonOk() || !r.branchOk()) {
                    String d = r.diagnostic().length() > 160 ? r.diagnostic().substring(0, 160) : r.diagnostic();
                    System.out.printf("%s#%d %s/%s %s | %s%n", r.file(), r.index(), r.expectedReason(), r.gotReason(),
                            r.basis(), d);
                }
            }
        }
    }
}
