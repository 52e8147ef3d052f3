package dev.mailhelp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.Wiring;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.bounce.BounceCheck;
import dev.mailhelp.diagnosis.bounce.BounceReader;
import dev.mailhelp.diagnosis.bounce.BounceReport;
import dev.mailhelp.diagnosis.bounce.BounceRulesException;
import dev.mailhelp.diagnosis.bounce.RecipientResult;
import dev.mailhelp.diagnosis.bounce.UnreadableBounceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mailhelp bounce <file|-> [--json]}: reads a bounce and says why it bounced.
 *
 * <p>Exit codes: 0 when nothing failed (a delivery report, an auto-reply); 1 when a failure or a
 * complaint was read (that is the "problem found" of a bounce); 2 when the input cannot be read
 * (missing file, too large, binary, not a bounce) or the knowledge files are broken.
 */
@Command(name = "bounce", mixinStandardHelpOptions = true)
public final class BounceCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "FILE")
    private String file;

    @Option(names = "--json")
    private boolean json;

    @Option(names = "--knowledge", paramLabel = "DIR")
    private Path knowledge;

    @picocli.CommandLine.Mixin
    private Language language;

    @Spec
    private CommandSpec spec;

    private final Wiring root;
    private final InputStream stdin;

    /** The reader comes from the composition root (on the {@code --knowledge} folder when given); '-' reads {@code stdin}. */
    public BounceCommand(Wiring root, InputStream stdin) {
        this.root = root;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String lang;
        try {
            lang = language.locale();
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed("mailhelp bounce", language.cli().problem(e)));
            return ExitCode.USAGE;
        }
        BounceReader reader;
        try {
            reader = root.withKnowledge(java.util.Optional.ofNullable(knowledge)).bounceReader();
        } catch (BounceRulesException e) {
            err.println("mailhelp bounce: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        if (!"-".equals(file) && file != null && Files.isDirectory(Path.of(file))) {
            err.println(CliText.prefixed("mailhelp bounce", language.cli().text("cli.error.file-folder", "file", file)));
            err.flush();
            return ExitCode.USAGE;
        }
        byte[] bytes;
        try {
            bytes = read();
        } catch (NoSuchFileException e) {
            err.println(CliText.prefixed("mailhelp bounce", language.cli().text("cli.error.file-not-found", "file", file)));
            err.flush();
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println(CliText.prefixed("mailhelp bounce", language.cli().text("cli.error.file-unreadable", "file", file,
                    "detail", dev.mailhelp.input.Printable.escape(String.valueOf(e.getMessage())))));
            err.flush();
            return ExitCode.USAGE;
        }
        long start = System.nanoTime();
        BounceReport report;
        try {
            report = reader.read(bytes);
        } catch (UnreadableBounceException e) {
            err.println(CliText.prefixed("mailhelp bounce", language.cli().text(e.reason().key(),
                    e.reason().values().entrySet().stream().flatMap(v -> java.util.stream.Stream.of(v.getKey(), v.getValue()))
                            .toArray())));
            err.flush();
            return ExitCode.USAGE;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            out.println(toJson(report, lang));
            out.flush();
        } else {
            Report r = new Report(file.equals("-") ? "bounce" : file, BounceCheck.findings(report, lang, false), ms);
            Language.ReportTexts texts = Language.texts(lang, java.util.Optional.ofNullable(knowledge));
            ReportPrinter.print(r, false, out, texts);
            out.println();
            // The report's labels come from the catalogues (knowledge/catalogue/*.yaml, "bounce.report.*").
            out.println(texts.text("bounce.report.branch", "branch", report.branch().id(), "reason", report.reason()));
            if (!report.senderDomain().isEmpty()) {
                out.println(texts.text("bounce.report.sender-domain", "domain", report.senderDomain()));
            }
            if (!report.sendingIp().isEmpty()) {
                out.println(texts.text("bounce.report.sending-ip", "ip", report.sendingIp()));
            }
            if (!report.provider().isEmpty()) {
                out.println(texts.text("bounce.report.reported-by", "provider", report.provider()));
            }
            out.println(texts.text("bounce.report.next-step", "text", report.nextStep().in(lang)));
            out.flush();
        }
        return report.results().stream().allMatch(x -> x.reason().equals("delivered") || x.reason().equals("vacation"))
                ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private byte[] read() throws IOException {
        // One byte more than the reader reads: it then knows the input is over its limit (and leaves
        // out a large returned original, the only part of a real bounce that makes it that big).
        int cap = 512 * 1024 + 1;
        if (file.equals("-")) {
            return stdin.readNBytes(cap);
        }
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            throw new NoSuchFileException(file);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(cap);
        }
    }

    /** The one JSON object of the issue: per-recipient results, the branch, facts and texts. */
    static String toJson(BounceReport report, String lang) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", report.kind().name().toLowerCase(java.util.Locale.ROOT));
        root.put("branch", report.branch().id());
        root.put("reason", report.reason());
        root.put("explanation", report.explanation().in(lang));
        root.put("nextStep", report.nextStep().in(lang));
        root.put("article", report.article());
        ObjectNode facts = root.putObject("facts");
        facts.put("senderDomain", report.senderDomain());
        facts.put("sendingIp", report.sendingIp());
        facts.put("provider", report.provider());
        root.put("recipientCount", report.recipientCount());
        root.put("listCapped", report.listCapped());
        ArrayNode results = root.putArray("results");
        for (RecipientResult r : report.results()) {
            ObjectNode n = results.addObject();
            n.put("recipient", r.recipient());
            n.put("status", r.status());
            n.put("statusFromBounce", r.statusSeen());
            n.put("replyCode", r.replyCode());
            n.put("diagnostic", r.diagnostic());
            n.put("reportingMta", r.reportingMta());
            n.put("remoteMta", r.remoteMta());
            n.put("reason", r.reason());
            n.put("branch", r.branch().id());
            if (!r.ruleId().isEmpty()) {
                n.put("rule", r.ruleId());
            }
            if (!r.feedbackType().isEmpty()) {
                n.put("feedbackType", r.feedbackType());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
