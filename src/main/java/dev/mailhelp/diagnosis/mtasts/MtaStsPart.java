package dev.mailhelp.diagnosis.mtasts;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.diagnosis.mx.MailExchange;
import dev.mailhelp.diagnosis.mx.MxResult;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** MTA-STS: the {@code _mta-sts} TXT record, then the policy file and its coverage of the MX hosts. */
public final class MtaStsPart {

    public static final String CHECK = "mta-sts";
    public static final String ARTICLE = "mta-sts";
    /** RFC 8461 recommends weeks; under a day the policy barely outlives a cache and protects little. */
    static final long SHORT_MAX_AGE = 86_400L;

    private final DnsClient dns;
    private final PolicyFetcher fetcher;

    public MtaStsPart(DnsClient dns, PolicyFetcher fetcher) {
        this.dns = dns;
        this.fetcher = fetcher;
    }

    /**
     * @param domain A-label domain without trailing dot
     * @param mx     the MX check's result, for coverage (the policy must list every MX host)
     */
    public CompletableFuture<List<Finding>> check(String domain, CompletionStage<MxResult> mx) {
        Name name;
        try {
            name = Name.fromString("_mta-sts." + domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(List.of(couldNotCheck("name").with("domain", domain)));
        }
        return dns.query(name, Type.TXT).thenCompose(r -> {
            if (r instanceof DnsResult.Failure) {
                return done(couldNotCheck("lookup").with("domain", domain)
                        .with("lookup", LookupText.couldNotLookUpPhrase((DnsResult.Failure) r)).evidence(LookupText.describe(r)));
            }
            List<String> records = TxtStrings.of(r).stream().filter(StsTxtRecord::isMtaSts).collect(Collectors.toList());
            if (records.isEmpty()) {
                return done(finding(Severity.INFO, "mta-sts.absent").with("domain", domain).evidence(LookupText.describe(r)));
            }
            String evidence = records.stream().map(t -> "_mta-sts." + domain + " TXT \"" + t + "\"").collect(Collectors.joining("\n"));
            List<Finding> out = new ArrayList<>();
            if (records.size() > 1) {
                return done(finding(Severity.FAIL, "mta-sts.txt-syntax").with("reason", "multiple").with("domain", domain)
                        .with("count", records.size()).evidence(evidence));
            }
            StsTxtRecord txt = StsTxtRecord.parseMtaSts(records.get(0));
            for (dev.mailhelp.diagnosis.Phrase problem : txt.problems()) {
                out.add(finding(Severity.FAIL, "mta-sts.txt-syntax").with("reason", "problem").with("domain", domain)
                        .with("problem", problem).evidence(evidence));
            }
            return fetcher.fetch(domain).thenCombine(mx.toCompletableFuture(), (fetch, mxResult) -> {
                out.addAll(judge(domain, fetch, mxResult));
                return out;
            });
        }).exceptionally(e -> List.of(couldNotCheck("internal").with("domain", domain).evidence(String.valueOf(e))));
    }

    private List<Finding> judge(String domain, PolicyFetch fetch, MxResult mx) {
        List<Finding> out = new ArrayList<>();
        String url = "https://mta-sts." + domain + "/.well-known/mta-sts.txt";
        if (fetch instanceof PolicyFetch.HttpStatus) {
            PolicyFetch.HttpStatus s = (PolicyFetch.HttpStatus) fetch;
            out.add(finding(Severity.FAIL, "mta-sts.policy-unavailable").with("reason", "status").with("url", url)
                    .with("status", String.valueOf(s.status())).with("host", "mta-sts." + domain)
                    .evidence(s.statusLine() + " ← " + s.address()));
            return out;
        }
        if (fetch instanceof PolicyFetch.NoAddress) {
            PolicyFetch.NoAddress n = (PolicyFetch.NoAddress) fetch;
            out.add(finding(Severity.FAIL, "mta-sts.policy-unavailable").with("reason", "address").with("url", url)
                    .with("status", "").with("host", n.host()).evidence(n.evidence()));
            return out;
        }
        if (fetch instanceof PolicyFetch.TlsFailure) {
            PolicyFetch.TlsFailure t = (PolicyFetch.TlsFailure) fetch;
            // The TLS library's words are what was seen: evidence, shown as they are, not part of the sentence.
            out.add(finding(Severity.FAIL, "mta-sts.policy-tls").with("domain", domain).with("detail", t.detail())
                    .evidence(url + " @ " + t.address() + "\n" + t.detail()));
            return out;
        }
        if (fetch instanceof PolicyFetch.NotPublic) {
            PolicyFetch.NotPublic p = (PolicyFetch.NotPublic) fetch;
            out.add(couldNotCheck("not_public").with("host", p.host()).evidence(String.join("\n", p.refusals())));
            return out;
        }
        if (fetch instanceof PolicyFetch.TimedOut) {
            // an optional detail (issue #12): the TXT record was checked; only the policy's contents are unknown
            PolicyFetch.TimedOut t = (PolicyFetch.TimedOut) fetch;
            out.add(finding(Severity.INFO, "mta-sts.policy-unknown").with("domain", domain).with("url", t.url())
                    .with("detail", t.detail()).evidence(t.detail()));
            return out;
        }
        if (fetch instanceof PolicyFetch.Unreachable) {
            PolicyFetch.Unreachable u = (PolicyFetch.Unreachable) fetch;
            out.add(couldNotCheck("fetch").with("url", u.url()).with("detail", u.detail()).evidence(u.detail()));
            return out;
        }
        PolicyFetch.Fetched f = (PolicyFetch.Fetched) fetch;
        String evidence = url + " (" + f.address() + "):\n" + abbreviate(f.body());
        if (!f.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
            out.add(finding(Severity.WARN, "mta-sts.content-type").with("type", f.contentType()).evidence(evidence));
        }
        MtaStsPolicy policy = MtaStsPolicy.parse(f.body());
        for (dev.mailhelp.diagnosis.Phrase problem : policy.problems()) {
            out.add(finding(Severity.FAIL, "mta-sts.policy-syntax").with("problem", problem).with("domain", domain)
                    .evidence(evidence));
        }
        String mode = policy.mode().orElse("");
        if (mode.equals("testing")) {
            out.add(finding(Severity.INFO, "mta-sts.testing").evidence(evidence));
        } else if (mode.equals("none")) {
            out.add(finding(Severity.INFO, "mta-sts.mode-none").evidence(evidence));
        }
        policy.maxAge().filter(a -> a < SHORT_MAX_AGE && !mode.equals("none")).ifPresent(a ->
                out.add(finding(Severity.WARN, "mta-sts.max-age-short").with("seconds", a).evidence(evidence)));
        if (!mx.lookupFailed() && !mode.equals("none") && !policy.mx().isEmpty()) {
            List<String> uncovered = mx.exchanges().stream().map(MailExchange::host)
                    .filter(h -> !policy.covers(h)).collect(Collectors.toList());
            if (!uncovered.isEmpty()) {
                boolean enforce = mode.equals("enforce");
                out.add(finding(enforce ? Severity.FAIL : Severity.WARN, "mta-sts.mx-not-covered")
                        .with("count", uncovered.size()).with("hosts", String.join(", ", uncovered))
                        .with("mode", enforce ? "enforce" : "testing")
                        .with("lines", uncovered.stream().map(h -> "mx: " + h).collect(Collectors.joining("\n")))
                        .evidence(evidence + "\nmx: " + String.join(", ", policy.mx())));
            }
        }
        if (out.stream().allMatch(x -> x.severity() == Severity.INFO) && policy.problems().isEmpty()) {
            out.add(0, finding(Severity.OK, "mta-sts.ok").with("mode", mode).with("count", policy.mx().size())
                    .with("maxAge", policy.maxAge().map(String::valueOf).orElse("?")).evidence(evidence));
        }
        return out;
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body.strip();
    }

    private static CompletableFuture<List<Finding>> done(Finding f) {
        return CompletableFuture.completedFuture(List.of(f));
    }

    private static Finding finding(Severity severity, String code) {
        return Finding.of(CHECK, severity, code).withArticle(ARTICLE);
    }

    /** {@code reason}: name, lookup, not_public, fetch or internal. */
    private static Finding couldNotCheck(String reason) {
        return finding(Severity.ERROR, "mta-sts.could-not-check").with("reason", reason);
    }
}
