package dev.mailhelp.discord;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.discord.MessageView.EmbedView;
import dev.mailhelp.discord.MessageView.FieldView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Findings as embeds: a summary coloured by the worst severity, then one embed per check with
 * its findings worst first. Sizes are not limited here; {@link DiscordLimits} fits the result.
 */
final class FindingsRenderer {

    /** Room for a field name: Discord's 256 less what {@link DiscordLimits#fitEmbeds} may add (" …"). */
    static final int FIELD_NAME_ROOM = DiscordLimits.FIELD_NAME - 4;

    private FindingsRenderer() {
    }

    static int colour(Severity severity) {
        return switch (severity) {
            case OK -> 0x2ECC71;
            case INFO -> 0x3498DB;
            case WARN -> 0xF1C40F;
            case FAIL -> 0xE74C3C;
            case ERROR -> 0x95A5A6;
        };
    }

    static String icon(Severity severity) {
        return switch (severity) {
            case OK -> "✅";
            case INFO -> "ℹ️";
            case WARN -> "⚠️";
            case FAIL -> "❌";
            case ERROR -> "❔";
        };
    }

    static Severity worst(List<Finding> findings) {
        return new Report("", findings, 0).worst();
    }

    static String summary(List<Finding> findings, Texts texts) {
        Report report = new Report("", findings, 0);
        if (report.hasProblems()) {
            long problems = findings.stream().filter(f -> f.severity().isProblem()).count();
            return texts.get("report.summary.problems", problems)
                    + (report.hasCouldNotCheck() ? " " + texts.get("report.summary.error") : "");
        }
        return report.hasCouldNotCheck() ? texts.get("report.summary.error") : texts.get("report.summary.ok");
    }

    /** The report: a summary embed titled for {@code target}, then the findings grouped by check. */
    static List<EmbedView> report(String target, List<Finding> findings, Texts texts, Function<String, String> articleTitle) {
        List<EmbedView> embeds = new ArrayList<>();
        embeds.add(new EmbedView(texts.get("report.title", target), summary(findings, texts),
                colour(worst(findings)), List.of(), ""));
        embeds.addAll(groups(findings, texts, articleTitle));
        return embeds;
    }

    /**
     * One embed per check, worst check first (the verdict must be in the first message when a report
     * is split), then in the order the checks first appeared; findings worst first.
     */
    static List<EmbedView> groups(List<Finding> findings, Texts texts, Function<String, String> articleTitle) {
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byCheck.computeIfAbsent(finding.check(), c -> new ArrayList<>()).add(finding);
        }
        List<Map.Entry<String, List<Finding>>> ordered = new ArrayList<>(byCheck.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<String, List<Finding>> e) -> worst(e.getValue()).rank()).reversed());
        List<EmbedView> embeds = new ArrayList<>();
        ordered.forEach(entry -> {
            String check = entry.getKey();
            List<Finding> group = entry.getValue();
            List<Finding> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingInt((Finding f) -> f.severity().rank()).reversed());
            Severity worst = worst(group);
            List<FieldView> fields = new ArrayList<>();
            for (Finding finding : sorted) {
                fields.add(field(finding, texts, articleTitle));
            }
            embeds.add(new EmbedView(icon(worst) + " " + texts.name(check), "", colour(worst), fields, ""));
        });
        return embeds;
    }

    /**
     * A finding as one field. The message is the field's name when the whole of it fits there;
     * a longer one opens the value instead, where nothing is cut (values are continued, never
     * truncated), because the explanation is what the user's next choice rests on (a Spamhaus
     * PBL listing explains why "policy listing" is the button to press). Labels (Seen, Fix, Read
     * more) always start their own line, never glued to the sentence before them.
     */
    private static FieldView field(Finding finding, Texts texts, Function<String, String> articleTitle) {
        String label = icon(finding.severity()) + " " + texts.get("severity." + finding.severity().id());
        String whole = label + ": " + finding.message().strip();
        boolean fits = DiscordLimits.length(whole) <= FIELD_NAME_ROOM && !finding.message().contains("\n");
        String name = fits ? whole : label;
        StringBuilder value = new StringBuilder();
        if (!fits) {
            value.append(finding.message().strip()).append('\n');
        }
        if (!finding.evidence().isBlank()) {
            value.append(texts.get("finding.evidence", "`" + DiscordLimits.truncate(finding.evidence().replace('`', '\''), 300) + "`"))
                    .append('\n');
        }
        if (!finding.fix().isBlank()) {
            value.append(texts.get("finding.fix", finding.fix())).append('\n');
        }
        if (!finding.admin().isBlank()) {
            value.append(texts.get("finding.admin", finding.admin())).append('\n');
        }
        if (!finding.article().isBlank()) {
            value.append(texts.get("finding.article", articleTitle.apply(finding.article()))).append('\n');
        }
        String text = value.toString().strip();
        return new FieldView(DiscordLimits.truncate(name, DiscordLimits.FIELD_NAME), text.isEmpty() ? texts.get("finding.nothing") : text);
    }
}
