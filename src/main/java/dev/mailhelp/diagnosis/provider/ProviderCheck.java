package dev.mailhelp.diagnosis.provider;

import dev.mailhelp.diagnosis.Outcome;
import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.domain.DomainName;
import dev.mailhelp.diagnosis.mx.MxPart;
import dev.mailhelp.dns.DnsClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The sending-limits branch's "which provider is this?": looks up the domain's MX records and
 * matches them against the catalogue. On {@code known} it adds the fact {@code provider}.
 */
public final class ProviderCheck implements Check {

    public static final String ID = "provider";
    /** Outcomes: the MX records name a provider of the catalogue, or none of them. */
    public static final String KNOWN = "known";
    public static final String UNKNOWN = "unknown";

    private final MxPart mx;

    public ProviderCheck(DnsClient dns, MailProviders providers) {
        this.mx = new MxPart(dns, providers);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> requiredFacts() {
        return Set.of(Fact.DOMAIN);
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(KNOWN, UNKNOWN, Outcome.ERROR);
    }

    @Override
    public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
        DomainName domain;
        try {
            domain = DomainName.parse(request.fact("domain").orElse(""));
        } catch (IllegalArgumentException e) {
            String input = request.facts().getOrDefault("domain", "");
            Finding f = Finding.of("provider", Severity.ERROR, "provider.invalid-input").with("input", input)
                    .evidence(input);
            return CompletableFuture.completedFuture(new CheckOutcome("error", List.of(f), Map.of(), e.getMessage()));
        }
        return mx.check(domain.ascii()).thenApply(r -> {
            progress.partDone("mx", 1, 1, r.findings());
            if (r.provider().isPresent()) {
                KnownProvider p = r.provider().get();
                return new CheckOutcome("known", r.findings(), Map.of("provider", p.id()),
                        Phrase.of("headline.provider-known").with("domain", domain.display()).with("provider", p.name()));
            }
            if (r.lookupFailed()) {
                return new CheckOutcome("error", r.findings(), Map.of(),
                        Phrase.of("headline.provider-lookup-failed").with("domain", domain.display()));
            }
            // The domain may be anyone's (a recipient's, a free-mail provider's): recognising the
            // provider is no reason to tell the user to publish records there. The DNS branch does that.
            List<Finding> findings = new java.util.ArrayList<>(r.findings().stream()
                    .filter(f -> !f.severity().isProblem()).toList());
            List<String> hosts = r.exchanges().stream().map(e -> e.host()).toList();
            findings.add(Finding.of("provider", Severity.INFO, "provider.unknown").with("domain", domain.display())
                    .with("hosts", hosts.size()).evidence(String.join(", ", hosts)).withArticle("sending-limits"));
            return new CheckOutcome("unknown", findings, Map.of(),
                    Phrase.of("headline.provider-unknown").with("domain", domain.display()));
        }).exceptionally(e -> new CheckOutcome("error", List.of(Finding.of("provider", Severity.ERROR,
                "provider.could-not-check").with("domain", domain.display()).evidence(String.valueOf(e))), Map.of(),
                Phrase.of("headline.provider-failed")));
    }
}
