package dev.mailhelp.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * What a check returns to the conversation.
 *
 * @param outcome  the routing key tree.yaml maps to the next node, e.g. {@code ok},
 *                 {@code problems}, {@code listed}, {@code error}, or a branch name for bounces
 * @param findings everything found
 * @param facts    facts learned on the way (e.g. the sender domain read from a bounce), added to
 *                 the conversation so later steps need not ask again
 * @param summary  a short plain-text headline (English), for checks whose headline is not a
 *                 catalogue phrase yet; may be empty
 * @param headline the headline as a catalogue phrase ({@code headline.*}), worded in the reader's
 *                 language by each front end; null when there is none (the front ends then show the
 *                 English summary to English readers and the catalogue's count line to others)
 */
public record CheckOutcome(String outcome, List<Finding> findings, Map<String, String> facts, String summary,
                           Phrase headline) {

    public CheckOutcome {
        findings = List.copyOf(findings);
        facts = Map.copyOf(facts);
        summary = summary == null ? "" : summary;
    }

    public CheckOutcome(String outcome, List<Finding> findings, Map<String, String> facts, String summary) {
        this(outcome, findings, facts, summary, null);
    }

    /** An outcome whose headline is a catalogue phrase. */
    public CheckOutcome(String outcome, List<Finding> findings, Map<String, String> facts, Phrase headline) {
        this(outcome, findings, facts, "", headline);
    }

    /** Outcome from a report's findings: {@code problems}, {@code error} or {@code ok}. */
    public static CheckOutcome fromFindings(List<Finding> findings, String summary) {
        Report report = new Report("", findings, 0);
        String outcome = report.hasProblems() ? "problems" : report.hasCouldNotCheck() ? "error" : "ok";
        return new CheckOutcome(outcome, findings, Map.of(), summary);
    }
}
