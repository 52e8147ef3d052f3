package dev.mailhelp.diagnosis.dkim;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks up DKIM keys at {@code <selector>._domainkey.<domain>} for the user's selectors, or else
 * for the common ones and those of the provider catalogue, all concurrently, and judges each key.
 */
public final class DkimPart {

    public static final String CHECK = "dkim";
    public static final String ARTICLE = "dkim";
    private static final int RSA_FAIL_BELOW = 1024;
    private static final int RSA_WARN_BELOW = 2048;

    private final DnsClient dns;
    private final MailProviders providers;

    public DkimPart(DnsClient dns, MailProviders providers) {
        this.dns = dns;
        this.providers = providers;
    }

    /** The selectors tried when the user gives none: the common list, then the catalogue's. */
    public List<String> defaultSelectors() {
        Set<String> all = new LinkedHashSet<>(CommonSelectors.LIST);
        for (KnownProvider p : providers.all()) {
            all.addAll(p.dkimSelectors());
        }
        return List.copyOf(all);
    }

    /**
     * @param domain    A-label domain without trailing dot
     * @param selectors the user's selectors (already validated with {@link DkimSelector}); empty for the common ones
     */
    public CompletableFuture<List<Finding>> check(String domain, List<String> selectors) {
        boolean userGiven = !selectors.isEmpty();
        List<String> tried = userGiven ? selectors : defaultSelectors();
        List<CompletableFuture<SelectorResult>> lookups = tried.stream()
                .map(s -> lookup(domain, s, userGiven)).collect(Collectors.toList());
        return CompletableFuture.allOf(lookups.toArray(new CompletableFuture[0])).thenApply(v -> {
            List<SelectorResult> results = lookups.stream().map(CompletableFuture::join).collect(Collectors.toList());
            return judge(domain, results, userGiven);
        }).exceptionally(e -> List.of(finding(Severity.ERROR, "dkim.could-not-check").with("reason", "internal")
                .with("domain", domain).evidence(String.valueOf(e))));
    }

    private CompletableFuture<SelectorResult> lookup(String domain, String selector, boolean askCname) {
        Name name;
        try {
            name = Name.fromString(selector + "._domainkey." + domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new SelectorResult(selector, null,
                    new DnsResult.Failure(Name.root, Type.TXT, DnsResult.FailureKind.OTHER, e.getMessage()), Optional.empty()));
        }
        CompletableFuture<DnsResult> txt = dns.query(name, Type.TXT);
        // A dangling CNAME looks like "no key" in the TXT answer; only the CNAME itself tells them apart.
        CompletableFuture<Optional<String>> cname = askCname
                ? dns.query(name, Type.CNAME).thenApply(DkimPart::cnameTarget)
                : CompletableFuture.completedFuture(Optional.empty());
        return txt.thenCombine(cname, (t, c) -> new SelectorResult(selector, name, t, c));
    }

    private static Optional<String> cnameTarget(DnsResult r) {
        if (r instanceof DnsResult.Answer) {
            for (Record rec : ((DnsResult.Answer) r).records()) {
                if (rec instanceof CNAMERecord) {
                    return Optional.of(LookupText.withoutDot(((CNAMERecord) rec).getTarget().toString()));
                }
            }
        }
        return Optional.empty();
    }

    private List<Finding> judge(String domain, List<SelectorResult> results, boolean userGiven) {
        List<Finding> out = new ArrayList<>();
        // Dozens of common selectors are tried: when DNS fails, one finding says so, not one per selector.
        List<SelectorResult> failed = new ArrayList<>();
        int found = 0;
        for (SelectorResult r : results) {
            String where = r.selector() + "._domainkey." + domain;
            if (r.result() instanceof DnsResult.Failure) {
                if (userGiven) {
                    out.add(finding(Severity.ERROR, "dkim.could-not-check").with("reason", "selector")
                            .with("lookup", LookupText.couldNotLookUpPhrase((DnsResult.Failure) r.result()))
                            .with("selector", r.selector()).evidence(LookupText.describe(r.result())));
                } else {
                    failed.add(r);
                }
                continue;
            }
            if (r.result().isEmpty()) {
                if (userGiven) {
                    out.add(missing(domain, r, where));
                }
                continue;
            }
            found++;
            List<String> values = TxtStrings.of(r.result());
            String via = delegation(r);
            List<String> keys = values.stream().filter(DkimPart::looksLikeKey).collect(Collectors.toList());
            if (keys.isEmpty()) {
                out.add(located(Severity.FAIL, "dkim.syntax", where, via).with("reason", "no_key")
                        .evidence(String.join("\n", values)));
                continue;
            }
            if (keys.size() > 1) {
                out.add(located(Severity.WARN, "dkim.multiple-records", where, via).with("count", keys.size())
                        .evidence(String.join("\n", keys)));
            }
            for (String key : keys) {
                out.addAll(judgeKey(where, via, DkimKeyRecordParser.parse(key)));
            }
        }
        if (!failed.isEmpty()) {
            DnsResult.Failure first = (DnsResult.Failure) failed.get(0).result();
            out.add(finding(Severity.ERROR, "dkim.could-not-check").with("reason", "common")
                    .with("lookup", LookupText.couldNotLookUpPhrase(first)).with("failed", failed.size())
                    .with("tried", results.size())
                    .evidence(failed.stream().limit(5).map(r -> LookupText.describe(r.result())).collect(Collectors.joining("\n"))
                            // The rest counted, not listed: no words, so the evidence reads in every language.
                            + (failed.size() > 5 ? "\n… +" + (failed.size() - 5) : "")));
        }
        if (found == 0 && !userGiven && out.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
            out.add(finding(Severity.WARN, "dkim.none-found").with("domain", domain).with("count", results.size())
                    .with("selectors", String.join(", ", results.stream().map(r -> r.selector()).toList())));
        }
        return out;
    }

    private static boolean looksLikeKey(String txt) {
        String t = txt.strip();
        return t.startsWith("v=DKIM1") || t.matches("(?s).*(^|;)\\s*p\\s*=.*") || t.matches("(?s).*(^|;)\\s*k\\s*=.*");
    }

    private static String delegation(SelectorResult r) {
        if (r.result() instanceof DnsResult.Answer) {
            for (Record rec : ((DnsResult.Answer) r.result()).records()) {
                if (!rec.getName().equals(r.name())) {
                    return LookupText.withoutDot(rec.getName().toString());
                }
            }
        }
        return "";
    }

    private Finding missing(String domain, SelectorResult r, String where) {
        if (r.cname().isPresent()) {
            return finding(Severity.FAIL, "dkim.cname-dangling").with("selector", r.selector())
                    .with("target", r.cname().get()).with("domain", domain)
                    .evidence(where + " CNAME " + r.cname().get() + "\n" + LookupText.describe(r.result()));
        }
        return finding(Severity.FAIL, "dkim.selector-missing").with("where", where).with("selector", r.selector())
                .evidence(LookupText.describe(r.result()));
    }

    private List<Finding> judgeKey(String where, String via, DkimKeyRecord key) {
        List<Finding> out = new ArrayList<>();
        String evidence = where + " TXT \"" + key.text() + "\"";
        for (dev.mailhelp.diagnosis.Phrase problem : key.problems()) {
            out.add(located(Severity.FAIL, "dkim.syntax", where, via).with("reason", "problem")
                    .with("problem", problem).evidence(evidence));
        }
        if (!key.problems().isEmpty()) {
            return out;
        }
        if (key.revoked()) {
            out.add(located(Severity.WARN, "dkim.revoked", where, via).evidence(evidence));
            return out;
        }
        if (!key.services().isEmpty() && !key.services().contains("*") && !key.services().contains("email")) {
            out.add(located(Severity.FAIL, "dkim.not-for-email", where, via)
                    .with("services", String.join(":", key.services())).evidence(evidence));
        }
        if (!key.hashes().isEmpty() && !key.hashes().contains("sha256")) {
            out.add(located(Severity.WARN, "dkim.sha1-only", where, via).evidence(evidence));
        }
        if (key.testing()) {
            out.add(located(Severity.WARN, "dkim.testing", where, via).evidence(evidence));
        }
        PublicKeyStrength strength = PublicKeyStrength.of(key.keyType(), key.publicKey().orElse(""));
        if (strength instanceof PublicKeyStrength.Unusable) {
            out.add(located(Severity.FAIL, "dkim.bad-key", where, via)
                    .with("problem", ((PublicKeyStrength.Unusable) strength).phrase()).evidence(evidence));
        } else if (strength instanceof PublicKeyStrength.Ed25519) {
            out.add(located(Severity.OK, "dkim.ok", where, via).with("kind", "ed25519").with("bits", "256").evidence(evidence));
        } else {
            int bits = ((PublicKeyStrength.Rsa) strength).bits();
            if (bits < RSA_FAIL_BELOW) {
                out.add(located(Severity.FAIL, "dkim.key-too-weak", where, via).with("bits", String.valueOf(bits)).evidence(evidence));
            } else if (bits < RSA_WARN_BELOW) {
                out.add(located(Severity.WARN, "dkim.key-short", where, via).with("bits", String.valueOf(bits)).evidence(evidence));
            } else {
                out.add(located(Severity.OK, "dkim.ok", where, via).with("kind", "rsa").with("bits", String.valueOf(bits)).evidence(evidence));
            }
        }
        return out;
    }

    private static Finding finding(Severity severity, String code) {
        return Finding.of(CHECK, severity, code).withArticle(ARTICLE);
    }

    /** A finding about the key record at {@code where}; {@code via} is the CNAME target it was delegated to, or empty. */
    private static Finding located(Severity severity, String code, String where, String via) {
        return finding(severity, code).with("where", where).with("delegated", via.isEmpty() ? "no" : "yes").with("via", via);
    }

    private record SelectorResult(String selector, Name name, DnsResult result, Optional<String> cname) {
    }
}
