package dev.mailhelp.diagnosis.message;

import dev.mailhelp.diagnosis.spf.SpfEvaluation;
import dev.mailhelp.diagnosis.spf.SpfEvaluator;
import dev.mailhelp.dns.DnsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads and verifies a message: DKIM keys, ARC keys, SPF and the DMARC walk are all started at once,
 * so the wall time follows the longest of them (SPF's include depth, usually), not their sum.
 */
public final class MessageAnalyzer {

    /** SPF gets the budget receivers give it (RFC 7208 4.6.4 suggests at least 20 s; we answer a person). */
    static final Duration SPF_BUDGET = Duration.ofSeconds(10);

    private final DkimVerifier dkim;
    private final ArcVerifier arc;
    private final SpfEvaluator spf;
    private final MessageDmarc dmarc;

    public MessageAnalyzer(DnsClient dns, SpfEvaluator spf, Clock clock) {
        this.dkim = new DkimVerifier(dns, clock);
        this.arc = new ArcVerifier(dns, clock);
        this.spf = spf;
        this.dmarc = new MessageDmarc(dns);
    }

    public MessageAnalyzer(DnsClient dns) {
        this(dns, new SpfEvaluator(dns), Clock.systemUTC());
    }

    public CompletableFuture<MessageAnalysis> analyze(MessageText message, Connection connection) {
        CompletableFuture<List<DkimVerdict>> signatures = dkim.verify(message);
        CompletableFuture<ArcResult> chain = arc.verify(message);
        CompletableFuture<Optional<SpfEvaluation>> spfResult = connection.clientIp().isEmpty()
                ? CompletableFuture.completedFuture(Optional.empty())
                : spf.evaluate(connection.clientIp().get(), connection.mailFrom(), connection.helo(), SPF_BUDGET).thenApply(Optional::of);
        List<String> spfDomains = new ArrayList<>();
        int at = connection.mailFrom().lastIndexOf('@');
        if (at >= 0) {
            spfDomains.add(connection.mailFrom().substring(at + 1));
        }
        spfDomains.add(connection.helo());
        CompletableFuture<DmarcVerdict> verdict = dmarc.evaluate(message, signatures, spfResult, spfDomains);
        return CompletableFuture.allOf(signatures, chain, spfResult, verdict).thenApply(v -> {
            List<HeaderField> ar = message.all("Authentication-Results");
            List<AuthenticationResults> parsed = new ArrayList<>();
            for (HeaderField f : ar) {
                parsed.add(AuthenticationResults.parse(f.value()));
            }
            Optional<AuthenticationResults> receiver = parsed.isEmpty() ? Optional.empty() : Optional.of(parsed.get(0));
            List<AuthenticationResults> others = parsed.size() > 1 ? parsed.subList(1, parsed.size()) : List.of();
            Optional<String> unsubscribe = message.first("List-Unsubscribe").map(HeaderField::value);
            boolean oneClick = message.first("List-Unsubscribe-Post").map(h -> h.value().replace(" ", "")
                    .equalsIgnoreCase("List-Unsubscribe=One-Click")).orElse(false);
            Map<String, String> antispam = message.first("X-Forefront-Antispam-Report").map(h -> fields(h.value())).orElse(Map.of());
            Optional<String> scl = Optional.ofNullable(antispam.get("SCL"))
                    .or(() -> message.first("X-MS-Exchange-Organization-SCL").map(h -> h.value().strip()));
            return new MessageAnalysis(receiver, others, signatures.join(), chain.join(), connection, spfResult.join(),
                    verdict.join(), ReceivedHop.hops(message), unsubscribe, oneClick, !message.bodyPresent(), scl, antispam);
        });
    }

    /** The {@code NAME:value} items of Microsoft's semicolon-separated antispam report, names upper-case, first wins. */
    static Map<String, String> fields(String report) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String part : report.split(";")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                out.putIfAbsent(part.substring(0, colon).strip().toUpperCase(Locale.ROOT), part.substring(colon + 1).strip());
            }
        }
        return out;
    }
}
