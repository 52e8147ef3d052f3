package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.diagnosis.Outcome;
import dev.mailhelp.diagnosis.Fact;
import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.dkim.DkimSelector;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.dns.DnsClient;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The conversation's "check my DNS records" action: facts {@code domain}, optionally
 * {@code selector} (comma separated) and {@code ip} (the sending address, for reverse DNS). It
 * gives back the facts {@code domain} (normalised) and, when the MX hosts reveal it, {@code provider}.
 */
public final class DomainCheck implements Check {

    public static final String ID = "domain";

    private final DomainReport report;
    private final MailProviders providers;
    private final Optional<DnsClient> dns;

    public DomainCheck(DomainReport report) {
        this(report, MailProviders.NONE);
    }

    /** {@code providers}: to recognise a provider's own domain (gmail.com), whose records the user cannot change. */
    public DomainCheck(DomainReport report, MailProviders providers) {
        this.report = report;
        this.providers = providers;
        this.dns = Optional.empty();
    }

    /** With {@code dns}, the check also names where the domain's DNS is hosted (fact {@code dnshost}). */
    public DomainCheck(DomainReport report, MailProviders providers, DnsClient dns) {
        this.report = report;
        this.providers = providers;
        this.dns = Optional.of(dns);
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
        return Set.of(Outcome.OK, Outcome.PROBLEMS, Outcome.ERROR, "provider-domain");
    }

    @Override
    public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
        DomainRequest parsed;
        try {
            parsed = parse(request);
        } catch (IllegalArgumentException e) {
            String input = request.facts().getOrDefault("domain", "");
            Finding f = Finding.of("domain", dev.mailhelp.diagnosis.Severity.ERROR, "domain.invalid-input")
                    .with("input", input).with("problem", e instanceof dev.mailhelp.input.InvalidInputException i
                            ? i.error().map(dev.mailhelp.input.InputError::messageKey).orElse("invalid") : "invalid").evidence(input).withArticle("dns-records");
            // The summary keeps the input parser's code and values, which the front ends word.
            return CompletableFuture.completedFuture(new CheckOutcome("error", List.of(f), Map.of(), e.getMessage()));
        }
        CompletableFuture<Optional<String>> host = dns.map(d -> DnsHost.describe(d, parsed.domain().ascii()))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
        return report.check(parsed, progress).thenCombine(host, (result, dnsHost) -> {
            Report r = result.report();
            // Third-party blocklists that could not be asked are reported in the findings, but they
            // are not the domain's DNS: they never turn a domain whose records all answered into
            // "the DNS check could not finish, maybe mistyped or expired" (issue 16.3).
            boolean ownRecordsUnchecked = r.findings().stream().anyMatch(f -> f.severity() == dev.mailhelp.diagnosis.Severity.ERROR
                    && !f.check().equals(dev.mailhelp.diagnosis.blocklist.BlocklistChecker.CHECK));
            String outcome = r.hasProblems() ? "problems" : ownRecordsUnchecked ? "error" : "ok";
            Map<String, String> facts = new java.util.HashMap<>();
            facts.put("domain", parsed.domain().ascii());
            result.provider().ifPresent(p -> facts.put("provider", p.id()));
            dnsHost.ifPresent(h -> facts.put("dnshost", h));
            Optional<KnownProvider> owner = providers.byOwnDomain(parsed.domain().ascii());
            if (owner.isPresent()) {
                // gmail.com's records are Google's: the user can change none of them, whatever they show.
                outcome = "provider-domain";
                facts.put("provider", owner.get().id());
            }
            return new CheckOutcome(outcome, r.findings(), facts, summary(r));
        });
    }

    /** Reads the facts; throws IllegalArgumentException with the user-facing message on bad input. */
    static DomainRequest parse(CheckRequest request) {
        DomainName domain = DomainName.parse(request.fact("domain").orElse(""));
        List<String> selectors = new ArrayList<>();
        for (String s : request.fact("selector").orElse("").split("[,\\s]+")) {
            if (!s.isBlank()) {
                selectors.add(DkimSelector.parse(s));
            }
        }
        List<InetAddress> ips = new ArrayList<>();
        String ip = request.fact("ip").orElse("").strip();
        if (!ip.isEmpty()) {
            ips.add(dev.mailhelp.input.InputParser.address(ip).orElseThrow(dev.mailhelp.input.InvalidInputException::new));
        }
        return new DomainRequest(domain, selectors, ips);
    }

    private static String summary(Report r) {
        long problems = r.findings().stream().filter(f -> f.severity().isProblem()).count();
        long notChecked = r.findings().stream().filter(f -> f.severity() == dev.mailhelp.diagnosis.Severity.ERROR).count();
        if (problems == 0 && notChecked == 0) {
            return "The DNS records of " + r.target() + " look right.";
        }
        StringBuilder sb = new StringBuilder(r.target()).append(": ");
        if (problems > 0) {
            sb.append(problems).append(problems == 1 ? " problem" : " problems");
        }
        if (notChecked > 0) {
            sb.append(problems > 0 ? ", " : "").append(notChecked).append(" could not be checked");
        }
        return sb.append('.').toString();
    }
}
