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
public final class MtaStsCheck {

    public static final String CHECK = "mta-sts";
    public static final String ARTICLE = "mta-sts";
    /** RFC 8461 recommends weeks; under a day the policy barely outlives a cache and protects little. */
    static final long SHORT_MAX_AGE = 86_400L;

    private final DnsClient dns;
    private final PolicyFetcher fetcher;

    public MtaStsCheck(DnsClient dns, PolicyFetcher fetcher) {
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
            return CompletableFuture.completedFuture(List.of(couldNotCheck("Not a DNS name: " + domain, "")));
        }
        return dns.query(name, Type.TXT).thenCompose(r -> {
            if (r instanceof DnsResult.Failure) {
                return done(couldNotCheck(LookupText.couldNotLookUp((DnsResult.Failure) r)
                        + " Whether " + domain + " publishes MTA-STS is unknown.", LookupText.describe(r)));
            }
            List<String> records = TxtStrings.of(r).stream().filter(StsTxtRecord::isMtaSts).collect(Collectors.toList());
            if (records.isEmpty()) {
                return done(new Finding(CHECK, Severity.INFO, "mta-sts.absent",
                        domain + " does not publish MTA-STS. It is optional: it makes senders insist on TLS with a valid"
                                + " certificate when delivering to you, so an attacker cannot strip encryption.",
                        LookupText.describe(r),
                        "To enable it, serve a policy at https://mta-sts." + domain + "/.well-known/mta-sts.txt and publish\n_mta-sts."
                                + domain + ". IN TXT \"v=STSv1; id=20260101T000000\"", ARTICLE));
            }
            String evidence = records.stream().map(t -> "_mta-sts." + domain + " TXT \"" + t + "\"").collect(Collectors.joining("\n"));
            List<Finding> out = new ArrayList<>();
            if (records.size() > 1) {
                return done(finding(Severity.FAIL, "mta-sts.txt-syntax",
                        "_mta-sts." + domain + " has " + records.size() + " v=STSv1 records; senders then treat the domain as"
                                + " having no MTA-STS.", evidence, "Keep exactly one record."));
            }
            StsTxtRecord txt = StsTxtRecord.parseMtaSts(records.get(0));
            for (String problem : txt.problems()) {
                out.add(finding(Severity.FAIL, "mta-sts.txt-syntax", "MTA-STS record problem: " + problem, evidence,
                        "Publish:\n_mta-sts." + domain + ". IN TXT \"v=STSv1; id=20260101T000000\" (change id whenever the policy changes)"));
            }
            return fetcher.fetch(domain).thenCombine(mx.toCompletableFuture(), (fetch, mxResult) -> {
                out.addAll(judge(domain, fetch, mxResult));
                return out;
            });
        }).exceptionally(e -> List.of(couldNotCheck("The MTA-STS check failed unexpectedly: " + e, "")));
    }

    private List<Finding> judge(String domain, PolicyFetch fetch, MxResult mx) {
        List<Finding> out = new ArrayList<>();
        String url = "https://mta-sts." + domain + "/.well-known/mta-sts.txt";
        if (fetch instanceof PolicyFetch.HttpStatus) {
            PolicyFetch.HttpStatus s = (PolicyFetch.HttpStatus) fetch;
            out.add(finding(Severity.FAIL, "mta-sts.policy-unavailable",
                    "MTA-STS is announced, but " + url + " answered " + s.status() + " instead of the policy (senders"
                            + " accept only 200 and do not follow redirects).",
                    s.statusLine() + " from " + s.address(), "Serve the policy file at exactly " + url + "."));
            return out;
        }
        if (fetch instanceof PolicyFetch.NoAddress) {
            PolicyFetch.NoAddress n = (PolicyFetch.NoAddress) fetch;
            out.add(finding(Severity.FAIL, "mta-sts.policy-unavailable",
                    "MTA-STS is announced, but " + n.host() + " has no address, so senders cannot fetch the policy.",
                    n.evidence(), "Publish an A/AAAA record for " + n.host() + " pointing at a web server that serves " + url + "."));
            return out;
        }
        if (fetch instanceof PolicyFetch.TlsFailure) {
            PolicyFetch.TlsFailure t = (PolicyFetch.TlsFailure) fetch;
            out.add(finding(Severity.FAIL, "mta-sts.policy-tls",
                    "The HTTPS certificate of mta-sts." + domain + " is not valid, so senders ignore the policy: " + t.detail(),
                    url + " at " + t.address(),
                    "Install a certificate valid for mta-sts." + domain + " from a public certificate authority."));
            return out;
        }
        if (fetch instanceof PolicyFetch.NotPublic) {
            PolicyFetch.NotPublic p = (PolicyFetch.NotPublic) fetch;
            out.add(new Finding(CHECK, Severity.ERROR, "mta-sts.could-not-check", "The policy was not fetched: " + p.host()
                    + " resolves only to addresses that are not public, and mailhelp connects only to public addresses."
                    + " Senders on the internet cannot reach such addresses either.", String.join("\n", p.refusals()),
                    "Publish a public address for " + p.host() + " (a web server that serves the policy over HTTPS).", ARTICLE));
            return out;
        }
        if (fetch instanceof PolicyFetch.Unreachable) {
            PolicyFetch.Unreachable u = (PolicyFetch.Unreachable) fetch;
            out.add(couldNotCheck("Could not fetch the MTA-STS policy from " + u.url() + ": " + u.detail() + ".", u.detail()));
            return out;
        }
        PolicyFetch.Fetched f = (PolicyFetch.Fetched) fetch;
        String evidence = url + " (" + f.address() + "):\n" + abbreviate(f.body());
        if (!f.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
            out.add(finding(Severity.WARN, "mta-sts.content-type",
                    "The policy is served as \"" + f.contentType() + "\"; RFC 8461 requires text/plain, and some senders"
                            + " reject other types.", evidence, "Serve mta-sts.txt with Content-Type: text/plain."));
        }
        MtaStsPolicy policy = MtaStsPolicy.parse(f.body());
        for (String problem : policy.problems()) {
            out.add(finding(Severity.FAIL, "mta-sts.policy-syntax", "MTA-STS policy problem: " + problem, evidence,
                    "Serve a policy like:\nversion: STSv1\nmode: testing\nmx: mx1." + domain + "\nmax_age: 604800"));
        }
        String mode = policy.mode().orElse("");
        if (mode.equals("testing")) {
            out.add(finding(Severity.INFO, "mta-sts.testing",
                    "MTA-STS is in testing mode: senders report TLS problems (if TLS-RPT is set up) but still deliver.",
                    evidence, "When TLS reports show no failures, change mode to enforce (and the id in the TXT record)."));
        } else if (mode.equals("none")) {
            out.add(finding(Severity.INFO, "mta-sts.mode-none",
                    "MTA-STS mode is none: the policy is switched off.", evidence, ""));
        }
        policy.maxAge().filter(a -> a < SHORT_MAX_AGE && !mode.equals("none")).ifPresent(a ->
                out.add(finding(Severity.WARN, "mta-sts.max-age-short",
                        "max_age is " + a + " seconds; senders forget the policy that soon, which leaves gaps an attacker can use.",
                        evidence, "Use at least a week (max_age: 604800); RFC 8461 suggests weeks or more.")));
        if (!mx.lookupFailed() && !mode.equals("none") && !policy.mx().isEmpty()) {
            List<String> uncovered = mx.exchanges().stream().map(MailExchange::host)
                    .filter(h -> !policy.covers(h)).collect(Collectors.toList());
            if (!uncovered.isEmpty()) {
                boolean enforce = mode.equals("enforce");
                out.add(finding(enforce ? Severity.FAIL : Severity.WARN, "mta-sts.mx-not-covered",
                        "The policy does not list the MX host" + (uncovered.size() > 1 ? "s " : " ") + String.join(", ", uncovered)
                                + (enforce ? ": senders that enforce MTA-STS refuse to deliver there." : ": in enforce mode senders would refuse to deliver there."),
                        evidence + "\npolicy mx: " + String.join(", ", policy.mx()),
                        "Add a line per MX host to the policy (and change the id in the TXT record):\n"
                                + uncovered.stream().map(h -> "mx: " + h).collect(Collectors.joining("\n"))));
            }
        }
        if (out.stream().allMatch(x -> x.severity() == Severity.INFO) && policy.problems().isEmpty()) {
            out.add(0, new Finding(CHECK, Severity.OK, "mta-sts.ok",
                    "MTA-STS is published: mode " + mode + ", " + policy.mx().size() + " mx pattern(s), max_age "
                            + policy.maxAge().map(String::valueOf).orElse("?") + ".", evidence, "", ARTICLE));
        }
        return out;
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body.strip();
    }

    private static CompletableFuture<List<Finding>> done(Finding f) {
        return CompletableFuture.completedFuture(List.of(f));
    }

    private static Finding finding(Severity severity, String code, String message, String evidence, String fix) {
        return new Finding(CHECK, severity, code, message, evidence, fix, ARTICLE);
    }

    private static Finding couldNotCheck(String message, String evidence) {
        return Finding.couldNotCheck(CHECK, "mta-sts.could-not-check", message, evidence).withArticle(ARTICLE);
    }
}
