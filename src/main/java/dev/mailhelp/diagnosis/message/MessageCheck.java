package dev.mailhelp.diagnosis.message;

import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.spf.SpfResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The conversation's "paste the headers of a message that arrived" step: reads the pasted message
 * and routes to the steps that fix what failed. The pasted text is dropped from the conversation
 * once read (the outcome clears the fact); the From domain and a failing selector are kept so the
 * DNS steps can offer them.
 */
public final class MessageCheck implements Check {

    public static final String ID = "message";
    public static final String FACT = dev.mailhelp.diagnosis.Fact.MESSAGE;
    /** The whole reading may take this long; each lookup inside has its own shorter timeout. */
    static final long TIMEOUT_SECONDS = 25;

    private final MessageAnalyzer analyzer;

    public MessageCheck(MessageAnalyzer analyzer) {
        this.analyzer = analyzer;
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
        return Set.of("ok", "dkim", "spf", "alignment", "dmarc", "error", "not-a-message");
    }

    @Override
    public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
        String text = request.fact(FACT).orElse("");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean truncated = bytes.length > MessageLimits.MAX_BYTES;
        MessageText message = MessageText.parse(truncated ? java.util.Arrays.copyOf(bytes, MessageLimits.MAX_BYTES) : bytes);
        Map<String, String> clear = new HashMap<>();
        clear.put(FACT, "");
        if (message.headers().isEmpty()) {
            return CompletableFuture.completedFuture(new CheckOutcome("not-a-message", List.of(MessageFindings.notAMessage()), clear, ""));
        }
        MessageText read = truncated ? message.headersOnly() : message;
        Connection connection = Connection.of(read, Optional.empty(), Optional.empty(), Optional.empty());
        return analyzer.analyze(read, connection).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).handle((a, e) -> {
            if (e != null) {
                return new CheckOutcome("error", List.of(MessageFindings.couldNotCheck(e)), clear, "");
            }
            List<Finding> findings = new java.util.ArrayList<>();
            if (truncated) {
                findings.add(MessageFindings.truncated());
            }
            findings.addAll(MessageFindings.of(a));
            Map<String, String> facts = new HashMap<>(clear);
            if (!a.dmarc().headerFrom().isEmpty()) {
                facts.put("domain", a.dmarc().headerFrom());
            }
            a.dkim().stream().filter(d -> !d.passed() && d.domain().equals(a.dmarc().headerFrom())).findFirst()
                    .or(() -> a.dkim().stream().filter(d -> d.domain().equals(a.dmarc().headerFrom())).findFirst())
                    .ifPresent(d -> facts.put("selector", d.selector()));
            return new CheckOutcome(route(a, findings), findings, facts, "DKIM " + a.dkim().stream().map(d -> d.result().id()).toList()
                    + ", SPF " + a.spf().map(s -> s.result().id()).orElse("-") + ", DMARC " + a.dmarc().result());
        });
    }

    /**
     * Where the conversation goes: a DKIM failure (or no signature) to the DKIM steps, an SPF
     * failure to the SPF steps, DKIM and SPF passing for other domains to alignment advice.
     */
    static String route(MessageAnalysis a, List<Finding> findings) {
        boolean dkimBad = a.dkim().isEmpty() || a.dkim().stream().anyMatch(d -> switch (d.result()) {
            case FAIL, POLICY, PERMERROR -> true;
            default -> false;
        }) && a.dkim().stream().noneMatch(d -> d.passed() && a.dmarc().dkimAligned().contains(d.domain()));
        boolean spfBad = a.spf().map(s -> s.result() == SpfResult.FAIL || s.result() == SpfResult.SOFTFAIL
                || s.result() == SpfResult.PERMERROR).orElse(false);
        String dmarc = a.dmarc().result();
        if (dmarc.equals("fail") && a.dmarc().passingUnaligned() && !dkimBad && !spfBad) {
            return "alignment";
        }
        if (dkimBad) {
            return "dkim";
        }
        if (spfBad) {
            return "spf";
        }
        if (dmarc.equals("fail") && a.dmarc().passingUnaligned()) {
            return "alignment";
        }
        if (dmarc.equals("fail") || dmarc.equals("none") || dmarc.equals("permerror")) {
            return "dmarc";
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return "error";
        }
        return "ok";
    }
}
