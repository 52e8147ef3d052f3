package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One check a conversation ran: kept for the "contact your provider" support summary. */
public record CheckRecord(String check, Map<String, String> facts, Instant at, String outcome,
                          String summary, dev.mailhelp.diagnosis.Phrase headline, List<Finding> findings) {

    public CheckRecord {
        facts = Map.copyOf(facts);
        findings = List.copyOf(findings);
    }

    /** A check whose headline is English only (or none). */
    public CheckRecord(String check, Map<String, String> facts, Instant at, String outcome, String summary,
                       List<Finding> findings) {
        this(check, facts, at, outcome, summary, null, findings);
    }
}
