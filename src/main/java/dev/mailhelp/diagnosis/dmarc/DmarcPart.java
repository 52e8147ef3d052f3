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
public final class DmarcPart {

    public static final String CHECK = "dmarc";
    public static final String ARTICLE = "dmarc";

    private final DnsClient dns;
    private final DmarcTreeWalk walker;

    public DmarcPart(DnsClient dns) {
        this.dns = dns;
        this.walker = new DmarcTreeWalk(dns);
    }

    /** @param domain an A-label domain name without trailing dot */
    public CompletableFuture<List<Finding>> check(String domain) {
        return walker.walk(domain).thenCompose(walk -> findings(domain, walk))
                .exceptionally(e -> List.of(couldNotCheck("internal").with("domain", domain).evidence(String.valueOf(e))));
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
            out.add(couldNotCheck("lookup").with("domain", domain)
                    .with("lookup", LookupText.couldNotLookUpPhrase(f)).evidence(LookupText.describe(f)));
            return CompletableFuture.completedFuture(out);
        }
        DmarcTreeWalk.Level first = walk.levels().get(0);
        if (first.records().isEmpty() && !first.ignored().isEmpty()) {
            out.add(finding(Severity.FAIL, "dmarc.ignored").with("reason", "version").with("domain", domain)
                    .evidence(String.join("\n", first.ignored())));
        }
        if (first.records().size() > 1) {
            out.add(finding(Severity.FAIL, "dmarc.multiple-records").with("domain", domain)
                    .with("count", first.records().size()).evidence(String.join("\n", first.records())));
        }
        DmarcTreeWalk.OrgDomain org = walk.organisationalDomain();
        if (source instanceof NoRecord) {
            if (out.isEmpty()) {
                out.add(finding(Severity.FAIL, "dmarc.missing").with("domain", domain)
                        .with("parents", walk.levels().size() > 1 ? "yes" : "no")
                        .evidence(walk.considered().stream().map(l -> LookupText.describe(l.result())).collect(Collectors.joining("\n"))));
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
            out.add(finding(Severity.INFO, "dmarc.inherited").with("domain", domain).with("source", level.domain())
                    .with("policy", applied.id()).with("tag", record.subdomainPolicy().isPresent() ? "sp" : "p").evidence(evidence));
        }
        boolean policyUnusable = record.policy().isEmpty()
                || record.problems().stream().anyMatch(p -> "policy".equals(p.values().get("kind"))
                && (DmarcRecordParser.about(p, "sp") || DmarcRecordParser.about(p, "np")));
        if (policyUnusable && record.rua().isEmpty()) {
            // RFC 9989: without a valid p (or with a bad sp/np) and no valid rua, receivers apply no DMARC at all.
            out.add(finding(Severity.FAIL, "dmarc.ignored").with("reason", "policy").with("domain", domain)
                    .with("record", suggested(level.domain(), withRua(record, level.domain()), record.effectivePolicy()))
                    .evidence(evidence));
        }
        for (dev.mailhelp.diagnosis.Phrase problem : record.problems()) {
            out.add(finding(Severity.WARN, "dmarc.syntax").with("problem", problem)
                    .with("record", suggested(level.domain(), record, applied)).evidence(evidence));
        }
        if (record.policy().isEmpty() && !record.rua().isEmpty() && record.problems().stream().noneMatch(p -> "policy".equals(p.values().get("kind")) && DmarcRecordParser.about(p, "p"))) {
            out.add(finding(Severity.WARN, "dmarc.p-missing")
                    .with("record", suggested(level.domain(), record, DmarcRecord.Policy.NONE)).evidence(evidence));
        }
        for (Map.Entry<String, String> tag : record.obsolete().entrySet()) {
            out.add(obsolete(level.domain(), record, tag.getKey(), tag.getValue(), evidence));
        }
        if (!record.unknown().isEmpty()) {
            out.add(finding(Severity.INFO, "dmarc.unknown-tag")
                    .with("tags", List.copyOf(record.unknown().keySet())).evidence(evidence));
        }
        policyFindings(domain, level.domain(), record, applied, inherited, evidence, out);
        if (record.testing()) {
            out.add(finding(Severity.INFO, "dmarc.testing").evidence(evidence));
        }
        if (record.adkim().filter(a -> a == DmarcRecord.Alignment.STRICT).isPresent()
                || record.aspf().filter(a -> a == DmarcRecord.Alignment.STRICT).isPresent()) {
            out.add(finding(Severity.INFO, "dmarc.strict-alignment").with("domain", domain).evidence(evidence));
        }
        if (record.rua().isEmpty()) {
            out.add(finding(Severity.INFO, "dmarc.no-rua").with("domain", level.domain())
                    .with("record", suggested(level.domain(), withRua(record, level.domain()), applied)).evidence(evidence));
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
                out.add(finding(Severity.WARN, "dmarc.policy-none").with("domain", domain)
                        .with("record", suggested(policyDomain, withRua(record, policyDomain), DmarcRecord.Policy.QUARANTINE))
                        .evidence(evidence));
            }
        } else if (clean) {
            out.add(finding(Severity.OK, "dmarc.ok").with("domain", domain).with("policy", applied.id()).evidence(evidence));
        }
        if (!inherited && record.effectivePolicy() != DmarcRecord.Policy.NONE
                && record.subdomainPolicy().filter(p -> p == DmarcRecord.Policy.NONE).isPresent()) {
            out.add(finding(Severity.INFO, "dmarc.subdomain-policy-weaker").with("domain", domain)
                    .with("policy", record.effectivePolicy().id()).evidence(evidence));
        }
        if (!inherited && record.psd().filter("y"::equals).isPresent()) {
            out.add(finding(Severity.INFO, "dmarc.psd").with("domain", domain).evidence(evidence));
        }
    }

    private Finding obsolete(String policyDomain, DmarcRecord record, String tag, String value, String evidence) {
        // The sentence depends on the tag (pct, pct=100, rf, ri): the catalogue selects on "kind".
        boolean fullPct = tag.equals("pct") && value.strip().equals("100");
        String kind = tag.equals("pct") ? (fullPct ? "pct100" : "pct") : tag.equals("rf") ? "rf" : "ri";
        Severity severity = tag.equals("pct") && !fullPct ? Severity.WARN : Severity.INFO;
        return finding(severity, "dmarc.obsolete-tag").with("kind", kind).with("tag", tag).with("value", value)
                .with("record", suggested(policyDomain, record, record.effectivePolicy())).evidence(evidence);
    }

    private void orgFindings(String domain, DmarcTreeWalk.OrgDomain org, List<Finding> out) {
        if (!org.confirmed() && org.failedAt().isPresent()) {
            DnsResult result = org.failedAt().get().result();
            out.add(finding(Severity.INFO, "dmarc.org-domain-unconfirmed").with("org", org.domain())
                    .evidence(LookupText.describe(result)));
        } else if (!org.domain().equals(domain)) {
            out.add(finding(Severity.INFO, "dmarc.org-domain").with("domain", domain).with("org", org.domain()));
        }
        Optional<String> psl = PublicSuffixCrossCheck.registrableDomain(domain);
        if (psl.isPresent() && !psl.get().equals(org.domain())) {
            out.add(finding(Severity.INFO, "dmarc.org-domain-differs").with("org", org.domain()).with("psl", psl.get()));
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
            return CompletableFuture.completedFuture(Optional.of(finding(Severity.WARN, "dmarc.rua-unverified").with("reason", "name").with("uri", uri)
                    .with("domain", policyDomain).with("dest", dest).evidence(uri)));
        }
        return dns.query(name, Type.TXT).thenApply(result -> {
            if (result instanceof DnsResult.Failure) {
                // an optional detail (issue #12): its failure leaves the detail missing, the DMARC verdict stands
                return Optional.of(finding(Severity.INFO, "dmarc.rua-unknown")
                        .with("lookup", LookupText.couldNotLookUpPhrase((DnsResult.Failure) result)).with("dest", dest)
                        .with("domain", policyDomain).evidence(LookupText.describe(result)));
            }
            boolean ok = TxtStrings.of(result).stream().anyMatch(DmarcRecordParser::isDmarc);
            if (ok) {
                return Optional.empty();
            }
            return Optional.of(finding(Severity.WARN, "dmarc.rua-unverified").with("reason", "consent").with("uri", uri)
                    .with("domain", policyDomain).with("dest", dest).with("verification", verification)
                    .evidence(LookupText.describe(result)));
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

    private static Finding finding(Severity severity, String code) {
        return Finding.of(CHECK, severity, code).withArticle(ARTICLE);
    }

    /** {@code reason}: lookup (a DNS failure hides the policy) or internal. */
    private static Finding couldNotCheck(String reason) {
        return finding(Severity.ERROR, "dmarc.could-not-check").with("reason", reason);
    }
}
