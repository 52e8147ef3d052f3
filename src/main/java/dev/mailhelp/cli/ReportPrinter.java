package dev.mailhelp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.mailhelp.knowledge.Locales;

/**
 * Prints a {@link Report} for people (grouped by check, worst first within a group) or as the
 * one JSON object the issues specify: {@code {"target", "findings": [...], "elapsedMs"}}.
 */
public final class ReportPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportPrinter() {
    }

    /** In English, with the texts of the usual knowledge folder. */
    public static void print(Report report, boolean json, PrintWriter out) {
        print(report, json, out, Language.texts(Locales.ENGLISH, Optional.empty()));
    }

    /** In the language of {@code texts}: every sentence rendered from its catalogue. */
    public static void print(Report report, boolean json, PrintWriter out, Language.ReportTexts texts) {
        Report rendered = new Report(report.target(), texts.findings().localize(report.findings(), texts.locale()),
                report.elapsedMs());
        if (json) {
            out.println(toJson(rendered, report, texts.locale()));
        } else {
            // DNS answers and SMTP replies are outside text: shown, never obeyed as terminal escapes
            PrintWriter safe = dev.mailhelp.input.Printable.terminalSafe(out);
            printText(rendered, safe, texts);
            safe.flush();
        }
        out.flush();
    }

    /** JSON of an already rendered report; codes and values stay as the check wrote them. */
    static String toJson(Report rendered, Report original, String locale) {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", rendered.target());
        root.put("lang", locale);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : rendered.findings()) {
            ObjectNode n = findings.addObject();
            n.put("check", f.check());
            n.put("severity", f.severity().id());
            n.put("code", f.code());
            n.put("message", f.message());
            n.put("evidence", f.evidence());
            n.put("fix", f.fix());
            n.put("admin", f.admin());
            n.put("article", f.article());
            n.set("values", JSON.valueToTree(plainValues(f.values())));
        }
        root.put("elapsedMs", rendered.elapsedMs());
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values for JSON: a phrase is written as its catalogue key (with its own values). */
    private static Map<String, Object> plainValues(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof dev.mailhelp.diagnosis.Phrase p
                ? Map.of("phrase", p.key(), "values", plainValues(p.values()))
                : v instanceof dev.mailhelp.knowledge.LocalizedText t ? t.byLocale() : v instanceof List<?> l
                ? l.stream().map(i -> i instanceof dev.mailhelp.diagnosis.Phrase p ? p.key()
                        : i instanceof dev.mailhelp.knowledge.LocalizedText t ? t.byLocale() : i).toList() : v));
        return out;
    }

    private static void printText(Report report, PrintWriter out, Language.ReportTexts texts) {
        out.println(texts.text("cli.report.head", "target", report.target(), "verdict", verdict(report, texts),
                "ms", report.elapsedMs()));
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byCheck.computeIfAbsent(f.check(), k -> new java.util.ArrayList<>()).add(f);
        }
        String seen = texts.text("cli.report.seen");
        String fix = texts.text("cli.report.fix");
        String read = texts.text("cli.report.read");
        String admin = texts.text("cli.report.admin");
        byCheck.forEach((check, findings) -> {
            out.println();
            out.println("[" + check + "]");
            for (Finding f : findings) {
                out.printf("  %-5s %s  (%s)%n", f.severity().id().toUpperCase(java.util.Locale.ROOT),
                        f.message().replace("\n", "\n        "), f.code());
                if (!f.evidence().isEmpty()) {
                    out.println(label(seen) + f.evidence().replace("\n", "\n              "));
                }
                if (!f.fix().isEmpty()) {
                    out.println(label(fix) + f.fix().replace("\n", "\n              "));
                }
                if (!f.admin().isEmpty()) {
                    out.println(label(admin) + f.admin().replace("\n", "\n              "));
                }
                if (!f.article().isEmpty()) {
                    out.println(label(read) + "mailhelp article " + f.article());
                }
            }
        });
    }

    /** "        seen: " with the label padded so the texts after it line up. */
    private static String label(String name) {
        return "        " + name + " ".repeat(Math.max(1, 6 - name.length()));
    }

    private static String verdict(Report report, Language.ReportTexts texts) {
        return texts.text(report.hasProblems() ? "cli.verdict.problems"
                : report.hasCouldNotCheck() ? "cli.verdict.could-not-check" : "cli.verdict.fine");
    }
}
