package dev.mailhelp.diagnosis.dmarc;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Checks a domain's DMARC policy: discovery by the tree walk, the record's syntax, how strong the
 * policy is, report destinations (and their verification records when external), and the
 * organisational domain. Never completes exceptionally.
 */
public final class DmarcCheck {

    public static final String CHECK = "dmarc";
    public static final String ARTICLE = "dmarc";

    private final DnsClient dns;
    private final DmarcTreeWalk walker;

    public DmarcCheck(DnsClient dns) {
        this.dns = dns;
        this.walker = new DmarcTreeWalk(dns);
    }

    /** @param domain an A-label domain name without trailing dot */
    public CompletableFuture<List<Finding>> check(String domain) {
        return walker.walk(domain).thenCompose(walk -> findings(domain, walk))
                .exceptionally(e -> List.of(couldNotCheck("The DMARC check failed unexpectedly: " + e, "")));
    }

    private CompletableFuture<List<Finding>> findings(String domain, DmarcTreeWalk.Walk walk) {
        return source(domain, walk).thenCompose(source -> findings(domain, walk, source));
    }

    /** What policy discovery found: a record to apply, nothing, or a failed lookup that hides the answer. */
    private sealed interface Source permits Found, NoRecord, Blocked {
    }

    private record Found(DmarcTreeWalk.PolicySource policy) implements Source {
    }

    private record NoRecord() implements Source {
    }

    private record Blocked(DmarcTreeWalk.Level failed) implements Source {
    }

    /**
     * RFC 9989 policy discovery: the domain's own record; else the record of its organisational
     * domain; else that of the public suffix domain (psd=y) the walk stopped at.
     */
    private CompletableFuture<Source> source(String domain, DmarcTreeWalk.Walk walk) {
        DmarcTreeWalk.Level first = walk.levels().get(0);
        if (first.failed()) {
            return CompletableFuture.completedFuture(new Blocked(first));
        }
        if (first.record().isPresent()) {
            return CompletableFuture.completedFuture(new Found(new DmarcTreeWalk.PolicySource(first, first.record().get(), false)));
        }
        Optional<DmarcTreeWalk.Level> failed = walk.failure();
        if (failed.isPresent()) {
            return CompletableFuture.completedFuture(new Blocked(failed.get()));
        }
        String org = walk.organisationalDomain().domain();
        // After a psd=y the organisational domain can be a name the walk jumped over: ask for it.
        CompletableFuture<DmarcTreeWalk.Level> orgLevel = walk.levelOf(org).map(CompletableFuture::completedFuture)
                .orElseGet(() -> walker.level(org));
        return orgLevel.thenApply(level -> {
            if (level.failed()) {
                return new Blocked(level);
            }
            if (!level.domain().equals(domain) && level.record().isPresent()) {
                return new Found(new DmarcTreeWalk.PolicySource(level, level.record().get(), true));
            }
            return walk.publicSuffixLevel()
                    .<Source>map(psd -> new Found(new DmarcTreeWalk.PolicySource(psd, psd.record().orElseThrow(), true)))
                    .orElse(new NoRecord());
        });
    }

    private CompletableFuture<List<Finding>> findings(String domain, DmarcTreeWalk.Walk walk, Source source) {
        List<Finding> out = new ArrayList<>();
        if (source instanceof Blocked) {
            DnsResult.Failure f = (DnsResult.Failure) ((Blocked) source).failed().result();
            out.add(couldNotCheck(LookupText.couldNotLookUp(f) + " The DMARC policy of " + domain
                    + " is unknown (not missing).", LookupText.describe(f)));
            return CompletableFuture.completedFuture(out);
        }
        DmarcTreeWalk.Level first = walk.levels().get(0);
        if (first.records().isEmpty() && !first.ignored().isEmpty()) {
            out.add(finding(Severity.FAIL, "dmarc.ignored",
                    "_dmarc." + domain + " has a TXT record meant as DMARC, but receivers ignore it: it must start with"
                            + " v=DMARC1, spelled exactly so, as its first tag.",
                    String.join("\n", first.ignored()),
                    "Publish it starting with exactly v=DMARC1, e.g.\n_dmarc." + domain
                            + ". IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain + "\""));
        }
        if (first.records().size() > 1) {
            out.add(finding(Severity.FAIL, "dmarc.multiple-records",
                    "_dmarc." + domain + " has " + first.records().size()
                            + " DMARC records; receivers discard all of them, as if there were none.",
                    String.join("\n", first.records()),
                    "Delete all but one, so that exactly one TXT record starting with v=DMARC1 remains at _dmarc."
                            + domain + "."));
        }
        DmarcTreeWalk.OrgDomain org = walk.organisationalDomain();
        if (source instanceof NoRecord) {
            if (out.isEmpty()) {
                out.add(finding(Severity.FAIL, "dmarc.missing",
                        "No DMARC record at _dmarc." + domain + (walk.levels().size() > 1 ? " nor at any parent domain" : "")
                                + ": receivers have no policy for mail that fails SPF and DKIM, and Gmail, Yahoo and"
                                + " Outlook require one from bulk senders.",
                        walk.considered().stream().map(l -> LookupText.describe(l.result())).collect(Collectors.joining("\n")),
                        "Publish a TXT record (start with p=none to monitor, then tighten):\n"
                                + "_dmarc." + domain + ". IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain + "\""));
            }
            orgFindings(domain, org, out);
            return CompletableFuture.completedFuture(out);
        }
        DmarcTreeWalk.PolicySource found = ((Found) source).policy();
        DmarcTreeWalk.Level level = found.level();
        DmarcRecord record = found.record();
        boolean inherited = found.inherited();
        String evidence = "_dmarc." + level.domain() + " TXT \"" + record.text() + "\"";
        DmarcRecord.Policy applied = inherited ? record.effectiveSubdomainPolicy() : record.effectivePolicy();

        if (inherited) {
            out.add(finding(Severity.INFO, "dmarc.inherited",
                    "No DMARC record at _dmarc." + domain + "; the record of " + level.domain() + " applies to it"
                            + " (policy for subdomains: " + applied.id() + (record.subdomainPolicy().isPresent() ? ", from sp" : ", from p") + ").",
                    evidence, ""));
        }
        boolean policyUnusable = record.policy().isEmpty()
                || record.problems().stream().anyMatch(p -> p.startsWith("sp=") || p.startsWith("np="));
        if (policyUnusable && record.rua().isEmpty()) {
            // RFC 9989: without a valid p (or with a bad sp/np) and no valid rua, receivers apply no DMARC at all.
            out.add(finding(Severity.FAIL, "dmarc.ignored",
                    "Receivers apply no DMARC to " + domain + ": the record has no valid p tag (or a bad sp/np) and no valid"
                            + " rua, and RFC 9989 says such a record is not acted on.",
                    evidence, "Publish the corrected record:\n" + suggested(level.domain(), withRua(record, level.domain()),
                            record.effectivePolicy())));
        }
        for (String problem : record.problems()) {
            out.add(finding(Severity.WARN, "dmarc.syntax", "DMARC record problem: " + problem, evidence,
                    "Publish the corrected record:\n" + suggested(level.domain(), record, applied)));
        }
        if (record.policy().isEmpty() && !record.rua().isEmpty() && record.problems().stream().noneMatch(p -> p.startsWith("p="))) {
            out.add(finding(Severity.WARN, "dmarc.p-missing",
                    "The DMARC record has no p tag; receivers treat it as p=none (RFC 9989): monitoring only.",
                    evidence, "Add a policy:\n" + suggested(level.domain(), record, DmarcRecord.Policy.NONE)));
        }
        for (Map.Entry<String, String> tag : record.obsolete().entrySet()) {
            out.add(obsolete(level.domain(), record, tag.getKey(), tag.getValue(), evidence));
        }
        if (!record.unknown().isEmpty()) {
            out.add(finding(Severity.INFO, "dmarc.unknown-tag",
                    "Tags that DMARC does not define are ignored: " + String.join(", ", record.unknown().keySet()) + ".",
                    evidence, "Remove them to avoid confusion."));
        }
        policyFindings(domain, level.domain(), record, applied, inherited, evidence, out);
        if (record.testing()) {
            out.add(finding(Severity.INFO, "dmarc.testing",
                    "t=y (testing): receivers are asked not to apply the policy yet (they may use their own special"
                            + " handling instead); reports still arrive.",
                    evidence, "When reports show your mail passes, remove t=y so the policy applies."));
        }
        if (record.adkim().filter(a -> a == DmarcRecord.Alignment.STRICT).isPresent()
                || record.aspf().filter(a -> a == DmarcRecord.Alignment.STRICT).isPresent()) {
            out.add(finding(Severity.INFO, "dmarc.strict-alignment",
                    "Strict alignment (adkim=s or aspf=s): a DKIM signature or SPF domain of a subdomain (e.g. bounces."
                            + domain + ") does not align; only exactly " + domain + " does.",
                    evidence, "Use relaxed alignment (remove adkim/aspf) unless you need strict."));
        }
        if (record.rua().isEmpty()) {
            out.add(finding(Severity.INFO, "dmarc.no-rua",
                    "No rua tag: you receive no aggregate reports, so you cannot see who sends mail as " + level.domain() + ".",
                    evidence, "Add rua=mailto:dmarc-reports@" + level.domain() + " (or the address of a report service):\n"
                            + suggested(level.domain(), withRua(record, level.domain()), applied)));
        }
        orgFindings(domain, org, out);
        return verifyDestinations(level.domain(), org.domain(), record, evidence).thenApply(extra -> {
            out.addAll(extra);
            return out;
        });
    }

    private void policyFindings(String domain, String policyDomain, DmarcRecord record, DmarcRecord.Policy applied,
                                boolean inherited, String evidence, List<Finding> out) {
        boolean clean = record.problems().isEmpty();
        if (applied == DmarcRecord.Policy.NONE) {
            if (record.policy().isPresent() || inherited) {
                out.add(finding(Severity.WARN, "dmarc.policy-none",
                        "The DMARC policy for " + domain + " is none: monitoring only. Receivers take no action on mail"
                                + " that fails DMARC, so others can still send mail as " + domain + ".",
                        evidence,
                        "Read the aggregate reports (rua) until all your legitimate mail passes, then move to quarantine,"
                                + " later reject:\n" + suggested(policyDomain, withRua(record, policyDomain), DmarcRecord.Policy.QUARANTINE)));
            }
        } else if (clean) {
            String next = applied == DmarcRecord.Policy.QUARANTINE
                    ? " Failing mail goes to spam; when you are confident, p=reject blocks it outright." : "";
            out.add(new Finding(CHECK, Severity.OK, "dmarc.ok",
                    "DMARC policy for " + domain + ": " + applied.id() + "." + next, evidence, "", ARTICLE));
        }
        if (!inherited && record.effectivePolicy() != DmarcRecord.Policy.NONE
                && record.subdomainPolicy().filter(p -> p == DmarcRecord.Policy.NONE).isPresent()) {
            out.add(finding(Severity.INFO, "dmarc.subdomain-policy-weaker",
                    "sp=none: subdomains of " + domain + " are not protected although the domain itself is ("
                            + record.effectivePolicy().id() + ").",
                    evidence, "Remove sp=none (subdomains then follow p) unless a subdomain still needs monitoring."));
        }
        if (!inherited && record.psd().filter("y"::equals).isPresent()) {
            out.add(finding(Severity.INFO, "dmarc.psd",
                    domain + " declares itself a public suffix domain (psd=y): its policy is for names registered under it.",
                    evidence, ""));
        }
    }

    private Finding obsolete(String policyDomain, DmarcRecord record, String tag, String value, String evidence) {
        String meaning;
        Severity severity = Severity.INFO;
        switch (tag) {
            case "pct":
                if (value.strip().equals("100")) {
                    meaning = "pct was removed by RFC 9989; pct=100 was the default anyway, so nothing changes.";
                } else {
                    severity = Severity.WARN;
                    meaning = "pct=" + value + " was removed by RFC 9989: receivers following it now apply the policy"
                            + " to all failing mail, not " + value + "%. To test, use t=y instead.";
                }
                break;
            case "rf":
                meaning = "rf (failure report format) was removed by RFC 9989; receivers ignore it.";
                break;
            default:
                meaning = "ri (report interval) was removed by RFC 9989; receivers send aggregate reports daily regardless.";
        }
        return finding(severity, "dmarc.obsolete-tag", meaning, evidence,
                "Remove " + tag + "=:\n" + suggested(policyDomain, record, record.effectivePolicy()));
    }

    private void orgFindings(String domain, DmarcTreeWalk.OrgDomain org, List<Finding> out) {
        if (!org.confirmed() && org.failedAt().isPresent()) {
            DnsResult result = org.failedAt().get().result();
            out.add(finding(Severity.INFO, "dmarc.org-domain-unconfirmed",
                    "The organisational domain could not be confirmed (a lookup of the DNS tree walk failed); "
                            + org.domain() + " is assumed. This matters only for alignment of subdomains.",
                    LookupText.describe(result), ""));
        } else if (!org.domain().equals(domain)) {
            out.add(finding(Severity.INFO, "dmarc.org-domain",
                    "Organisational domain of " + domain + " (DNS tree walk): " + org.domain() + ".", "", ""));
        }
        Optional<String> psl = PublicSuffixCrossCheck.registrableDomain(domain);
        if (psl.isPresent() && !psl.get().equals(org.domain())) {
            out.add(finding(Severity.INFO, "dmarc.org-domain-differs",
                    "The DNS tree walk (RFC 9989) gives " + org.domain() + " as the organisational domain, the public suffix"
                            + " list gives " + psl.get() + ". Receivers still on RFC 7489 use the list, so they may judge"
                            + " alignment differently.",
                    "tree walk: " + org.domain() + "; public suffix list: " + psl.get(), ""));
        }
    }

    /** RFC 9989 / 7489 7.1: a report address outside the organisational domain must consent by a TXT record. */
    private CompletableFuture<List<Finding>> verifyDestinations(String policyDomain, String orgDomain, DmarcRecord record,
                                                                 String evidence) {
        Map<String, String> external = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(record.rua());
        all.addAll(record.ruf());
        for (String uri : all) {
            String dest = ReportAddress.domain(uri);
            if (!dest.equals(orgDomain) && !dest.endsWith("." + orgDomain) && !dest.equals(policyDomain)
                    && !dest.endsWith("." + policyDomain)) {
                external.putIfAbsent(dest, uri);
            }
        }
        List<CompletableFuture<Optional<Finding>>> checks = new ArrayList<>();
        for (Map.Entry<String, String> e : external.entrySet()) {
            checks.add(verifyOne(policyDomain, e.getKey(), e.getValue()));
        }
        return CompletableFuture.allOf(checks.toArray(new CompletableFuture[0])).thenApply(v ->
                checks.stream().map(CompletableFuture::join).flatMap(Optional::stream).collect(Collectors.toList()));
    }

    private CompletableFuture<Optional<Finding>> verifyOne(String policyDomain, String dest, String uri) {
        String verification = policyDomain + "._report._dmarc." + dest;
        Name name;
        try {
            name = Name.fromString(verification + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(Optional.of(finding(Severity.WARN, "dmarc.rua-unverified",
                    "The report address " + uri + " cannot be verified: " + e.getMessage(), uri, "")));
        }
        return dns.query(name, Type.TXT).thenApply(result -> {
            if (result instanceof DnsResult.Failure) {
                // an optional detail (issue #12): its failure leaves the detail missing, the DMARC verdict stands
                return Optional.of(finding(Severity.INFO, "dmarc.rua-unknown", LookupText.couldNotLookUp(
                        (DnsResult.Failure) result) + " Whether " + dest + " accepts DMARC reports for " + policyDomain
                        + " is unknown; the rest of the DMARC check is not affected.", LookupText.describe(result), ""));
            }
            boolean ok = TxtStrings.of(result).stream().anyMatch(DmarcRecordParser::isDmarc);
            if (ok) {
                return Optional.empty();
            }
            return Optional.of(finding(Severity.WARN, "dmarc.rua-unverified",
                    "Reports go to " + uri + ", outside " + policyDomain + ", but " + dest + " has not published that it"
                            + " accepts them; receivers will not send reports there.",
                    LookupText.describe(result),
                    "Ask the owner of " + dest + " to publish:\n" + verification + ". IN TXT \"v=DMARC1;\""));
        });
    }

    private static DmarcRecord withRua(DmarcRecord record, String domain) {
        if (!record.rua().isEmpty()) {
            return record;
        }
        return new DmarcRecord(record.text(), record.policy(), record.subdomainPolicy(), record.nonexistentPolicy(),
                record.psd(), record.testing(), List.of("mailto:dmarc-reports@" + domain), record.ruf(), record.adkim(),
                record.aspf(), record.fo(), record.obsolete(), record.unknown(), record.problems());
    }

    /** The record to publish: the user's valid tags kept, the given policy, removed tags dropped. */
    static String suggested(String policyDomain, DmarcRecord record, DmarcRecord.Policy policy) {
        StringBuilder sb = new StringBuilder("v=DMARC1; p=").append(policy.id());
        record.subdomainPolicy().ifPresent(p -> sb.append("; sp=").append(p.id()));
        record.nonexistentPolicy().ifPresent(p -> sb.append("; np=").append(p.id()));
        record.psd().ifPresent(p -> sb.append("; psd=").append(p));
        if (!record.rua().isEmpty()) {
            sb.append("; rua=").append(String.join(",", record.rua()));
        }
        if (!record.ruf().isEmpty()) {
            sb.append("; ruf=").append(String.join(",", record.ruf()));
        }
        record.adkim().ifPresent(a -> sb.append("; adkim=").append(a.tag()));
        record.aspf().ifPresent(a -> sb.append("; aspf=").append(a.tag()));
        record.fo().ifPresent(f -> sb.append("; fo=").append(f));
        return "_dmarc." + policyDomain + ". IN TXT \"" + sb + "\"";
    }

    private static Finding finding(Severity severity, String code, String message, String evidence, String fix) {
        return new Finding(CHECK, severity, code, message, evidence, fix, ARTICLE);
    }

    private static Finding couldNotCheck(String message, String evidence) {
        return Finding.couldNotCheck(CHECK, "dmarc.could-not-check", message, evidence).withArticle(ARTICLE);
    }
}
