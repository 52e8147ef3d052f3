package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.knowledge.Messages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ready-to-paste text for a support ticket: what the user told us, what was checked, when,
 * and what was found, so the provider's first answer need not ask again. Pasted bounces are not
 * included (they hold other people's addresses); the findings they produced are.
 */
final class SupportSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SupportSummary() {
    }

    static String render(Map<String, String> facts, List<CheckRecord> checks, Messages messages, String locale,
                         java.time.Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("```\n");
        out.append(messages.get("summary.header", locale, TIME.format(now))).append('\n');
        Map<String, String> shown = new TreeMap<>(facts);
        shown.remove(Fact.BOUNCE);
        shown.remove(Fact.MESSAGE);
        if (!shown.isEmpty()) {
            out.append(messages.get("summary.facts", locale)).append('\n');
            shown.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        if (checks.isEmpty()) {
            out.append(messages.get("summary.no-checks", locale)).append('\n');
        }
        for (CheckRecord c : checks) {
            out.append(messages.get("summary.check", locale, c.check(), TIME.format(c.at()), c.outcome())).append('\n');
            if (!c.summary().isEmpty()) {
                out.append("  ").append(c.summary()).append('\n');
            }
            for (Finding f : c.findings()) {
                if (f.severity() == Severity.OK || f.severity() == Severity.INFO) {
                    continue;
                }
                out.append("  - [").append(f.severity().id()).append("] ").append(f.code()).append(": ")
                        .append(f.message()).append('\n');
                if (!f.evidence().isEmpty()) {
                    out.append("    ").append(f.evidence().replace('\n', ' ')).append('\n');
                }
            }
        }
        out.append("```");
        return out.toString();
    }
}
