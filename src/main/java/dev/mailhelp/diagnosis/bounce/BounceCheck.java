package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The conversation's "a bounce came back" check: reads the pasted bounce (fact {@code bounce})
 * and routes to the branch it points to, carrying the sender domain, sending IP and provider.
 * Runs synchronously (reading is CPU-only and bounded); never completes exceptionally.
 */
public final class BounceCheck implements Check {

    public static final String ID = "bounce";
    public static final String FACT = Fact.BOUNCE;
    private static final Set<String> OUTCOMES;

    static {
        Set<String> o = new LinkedHashSet<>();
        for (Branch b : Branch.values()) {
            o.add(b.id());
        }
        o.add("error");
        OUTCOMES = Set.copyOf(o);
    }

    private final BounceReader reader;

    public BounceCheck(BounceReader reader) {
        this.reader = reader;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> requiredFacts() {
        return Set.of(FACT);
    }

    @Override
    public Set<String> outcomes() {
        return OUTCOMES;
    }

    @Override
    public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
        CheckOutcome outcome;
        try {
            String text = request.fact(FACT).orElse("");
            BounceReport report = reader.read(text);
            outcome = toOutcome(report, request.locale());
        } catch (UnreadableBounceException e) {
            Finding f = Finding.of(ID, Severity.ERROR, "bounce.unreadable").with("reason", e.reason())
                    .withArticle("reading-bounces");
            outcome = new CheckOutcome("error", List.of(f), Map.of(), dev.mailhelp.diagnosis.Phrase.of("headline.bounce-unreadable"));
        } catch (RuntimeException e) {
            // A bug must not end the conversation; the user can still continue by hand.
            Finding f = Finding.of(ID, Severity.ERROR, "bounce.unreadable")
                    .with("reason", UnreadableBounceException.kind("internal"))
                    .evidence(e.getClass().getSimpleName()).withArticle("reading-bounces");
            outcome = new CheckOutcome("error", List.of(f), Map.of(), dev.mailhelp.diagnosis.Phrase.of("headline.bounce-unreadable"));
        }
        progress.partDone(ID, 1, 1, outcome.findings());
        return CompletableFuture.completedFuture(outcome);
    }

    /** Findings, facts and routing for a report; the locale picks the language of the texts. */
    public static CheckOutcome toOutcome(BounceReport report, String locale) {
        // The conversation may be in a public channel: addresses are masked there.
        List<Finding> findings = findings(report, locale, true);
        Map<String, String> facts = new LinkedHashMap<>();
        if (!report.senderDomain().isEmpty()) {
            facts.put("domain", report.senderDomain());
        }
        if (!report.sendingIp().isEmpty()) {
            facts.put("ip", report.sendingIp());
        }
        if (!report.provider().isEmpty()) {
            facts.put("provider", report.provider());
        }
        String summary = report.explanation().in(locale);
        return new CheckOutcome(report.branch().id(), findings, facts, summary);
    }

    /**
     * One finding per distinct (reason, status) so a 50-recipient bounce stays readable.
     *
     * @param redact mask the local parts of addresses ({@code j***@example.com}) in the texts
     */
    public static List<Finding> findings(BounceReport report, String locale, boolean redact) {
        Map<String, List<RecipientResult>> groups = new LinkedHashMap<>();
        for (RecipientResult r : report.results()) {
            groups.computeIfAbsent(r.reason() + " " + r.status() + " " + r.ruleId(), k -> new ArrayList<>()).add(r);
        }
        List<Finding> out = new ArrayList<>();
        for (List<RecipientResult> g : groups.values()) {
            RecipientResult r = g.get(0);
            Severity severity = switch (r.reason()) {
                case "delivered", "vacation" -> Severity.OK;
                case "feedback" -> Severity.WARN;
                default -> r.temporary() ? Severity.WARN : Severity.FAIL;
            };
            StringBuilder who = new StringBuilder();
            for (int i = 0; i < g.size() && i < 5; i++) {
                String rcpt = g.get(i).recipient();
                who.append(i == 0 ? "" : ", ").append(rcpt.isEmpty() ? "(recipient not shown)"
                        : redact ? BounceReport.mask(rcpt) : rcpt);
            }
            if (g.size() > 5) {
                who.append(" and ").append(g.size() - 5).append(" more");
            }
            String evidence = (r.status().isEmpty() ? "" : r.status() + " ")
                    + (r.replyCode().isEmpty() ? "" : "(" + r.replyCode() + ") ") + r.diagnostic();
            String seen = redact ? BounceReport.maskAll(evidence.strip()) : evidence.strip();
            out.add(new Finding(ID, severity, "bounce." + r.reason(), who + ": " + r.explanation().in(locale),
                    seen, r.nextStep().in(locale), r.article()));
        }
        if (report.listCapped()) {
            out.add(Finding.of(ID, Severity.INFO, "bounce.list-capped").with("total", report.recipientCount())
                    .with("shown", report.results().size()).withArticle("reading-bounces"));
        }
        return out;
    }
}
