package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.diagnosis.Outcome;
import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMTP server check for the conversation (action {@code check: smtp}): reads the fact
 * {@code host} ("host" or "host:port"), probes, and reports progress as the name is vetted and as
 * each port finishes.
 */
public final class SmtpCheck implements Check {

    public static final String ID = "smtp";

    private final SmtpProbe probe;
    private final SmtpDiagnosis diagnosis;

    public SmtpCheck(SmtpProbe probe, SmtpDiagnosis diagnosis) {
        this.probe = probe;
        this.diagnosis = diagnosis;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> requiredFacts() {
        return Set.of(Fact.HOST);
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(Outcome.OK, Outcome.PROBLEMS, Outcome.ERROR, "no-such-name");
    }

    @Override
    public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
        String input = request.fact("host").orElse("");
        SmtpTarget target;
        try {
            target = SmtpTarget.parse(input);
        } catch (InvalidTargetException e) {
            Finding f = Finding.of(SmtpDiagnosis.CHECK, Severity.ERROR, "smtp.invalid-target").with("input", input)
                    .evidence(input).withArticle(SmtpDiagnosis.SMTP_SETTINGS);
            return CompletableFuture.completedFuture(new CheckOutcome("error", List.of(f), Map.of(), e.getMessage()));
        }
        ProbeRequest req = ProbeRequest.of(target);
        int total = req.ports().size();
        AtomicInteger done = new AtomicInteger();
        return probe.probe(req, port -> progress.partDone("port " + port.plan().label(), done.incrementAndGet(), total,
                List.of(SmtpDiagnosis.portSummary(port)))).thenApply(result -> {
                    List<Finding> findings = diagnosis.diagnose(result, request.locale() == null ? "en" : request.locale());
                    CheckOutcome fromFindings = CheckOutcome.fromFindings(findings, SmtpDiagnosis.headline(result));
                    if (findings.stream().anyMatch(f -> f.code().equals("smtp.host-not-found"))) {
                        // A name that does not exist is a typo to correct, not a port or TLS problem.
                        return new CheckOutcome("no-such-name", findings, fromFindings.facts(), fromFindings.summary());
                    }
                    return fromFindings;
                }).exceptionally(e -> {
                    Finding f = Finding.of(SmtpDiagnosis.CHECK, Severity.ERROR, "smtp.probe-failed")
                            .with("port", "").with("stage", "check").evidence(target.display() + "\n" + e);
                    return new CheckOutcome("error", List.of(f), Map.of(), dev.mailhelp.diagnosis.Phrase.of("headline.smtp-failed"));
                });
    }
}
