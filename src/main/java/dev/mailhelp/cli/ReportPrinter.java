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

/**
 * Prints a {@link Report} for people (grouped by check, worst first within a group) or as the
 * one JSON object the issues specify: {@code {"target", "findings": [...], "elapsedMs"}}.
 */
public final class ReportPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportPrinter() {
    }

    public static void print(Report report, boolean json, PrintWriter out) {
        if (json) {
            out.println(toJson(report));
        } else {
            printText(report, out);
        }
        out.flush();
    }

    public static String toJson(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", report.target());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("check", f.check());
            n.put("severity", f.severity().id());
            n.put("code", f.code());
            n.put("message", f.message());
            n.put("evidence", f.evidence());
            n.put("fix", f.fix());
            n.put("article", f.article());
        }
        root.put("elapsedMs", report.elapsedMs());
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void printText(Report report, PrintWriter terminal) {
        // DNS answers and SMTP replies are outside text: shown, never obeyed as terminal escapes
        PrintWriter out = dev.mailhelp.input.Printable.terminalSafe(terminal);
        out.printf("%s — %s (%d ms)%n", report.target(), verdict(report), report.elapsedMs());
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byCheck.computeIfAbsent(f.check(), k -> new java.util.ArrayList<>()).add(f);
        }
        byCheck.forEach((check, findings) -> {
            out.println();
            out.println("[" + check + "]");
            for (Finding f : findings) {
                out.printf("  %-5s %s  (%s)%n", f.severity().id().toUpperCase(java.util.Locale.ROOT),
                        f.message(), f.code());
                if (!f.evidence().isEmpty()) {
                    out.println("        seen: " + f.evidence().replace("\n", "\n              "));
                }
                if (!f.fix().isEmpty()) {
                    out.println("        fix:  " + f.fix().replace("\n", "\n              "));
                }
                if (!f.article().isEmpty()) {
                    out.println("        read: mailhelp article " + f.article());
                }
            }
        });
        out.flush();
    }

    private static String verdict(Report report) {
        if (report.hasProblems()) {
            return "problems found";
        }
        return report.hasCouldNotCheck() ? "some checks could not be completed" : "all fine";
    }
}
