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
public final class DkimCheck {

    public static final String CHECK = "dkim";
    public static final String ARTICLE = "dkim";
    private static final int RSA_FAIL_BELOW = 1024;
    private static final int RSA_WARN_BELOW = 2048;

    private final DnsClient dns;
    private final MailProviders providers;

    public DkimCheck(DnsClient dns, MailProviders providers) {
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
        }).exceptionally(e -> List.of(Finding.couldNotCheck(CHECK, "dkim.could-not-check",
                "The DKIM check failed unexpectedly: " + e, "").withArticle(ARTICLE)));
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
                ? dns.query(name, Type.CNAME).thenApply(DkimCheck::cnameTarget)
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
                    out.add(Finding.couldNotCheck(CHECK, "dkim.could-not-check",
                            LookupText.couldNotLookUp((DnsResult.Failure) r.result()) + " Whether selector " + r.selector()
                                    + " has a key is unknown.", LookupText.describe(r.result())).withArticle(ARTICLE));
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
            String delegated = delegation(r);
            List<String> keys = values.stream().filter(DkimCheck::looksLikeKey).collect(Collectors.toList());
            if (keys.isEmpty()) {
                out.add(finding(Severity.FAIL, "dkim.syntax",
                        "The TXT record at " + where + delegated + " is not a DKIM key record (no p= tag).",
                        String.join("\n", values),
                        "Publish the key record your mail service gives you: " + where + ". IN TXT \"v=DKIM1; k=rsa; p=<public key>\""));
                continue;
            }
            if (keys.size() > 1) {
                out.add(finding(Severity.WARN, "dkim.multiple-records",
                        where + " has " + keys.size() + " key records; receivers may pick either, so signatures fail at random.",
                        String.join("\n", keys), "Keep one key record per selector; use a new selector for a new key."));
            }
            for (String key : keys) {
                out.addAll(judgeKey(where, delegated, DkimKeyRecordParser.parse(key)));
            }
        }
        if (!failed.isEmpty()) {
            DnsResult.Failure first = (DnsResult.Failure) failed.get(0).result();
            out.add(Finding.couldNotCheck(CHECK, "dkim.could-not-check",
                    LookupText.couldNotLookUp(first) + " " + failed.size() + " of the " + results.size()
                            + " common DKIM selectors could not be looked up, so whether they have keys is unknown.",
                    failed.stream().limit(5).map(r -> LookupText.describe(r.result())).collect(Collectors.joining("\n"))
                            + (failed.size() > 5 ? "\n(and " + (failed.size() - 5) + " more)" : "")).withArticle(ARTICLE));
        }
        if (found == 0 && !userGiven && out.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
            out.add(finding(Severity.WARN, "dkim.none-found",
                    "None of the " + results.size() + " common DKIM selectors has a key at " + domain
                            + ". This is not proof that the domain has no DKIM: a selector can be any name.",
                    "tried: " + results.stream().map(r -> r.selector()).collect(Collectors.joining(", ")),
                    "Open a message you sent, find the DKIM-Signature header and its s= value (the selector), and check"
                            + " again with that selector (--selector <s>). If there is no DKIM-Signature header, turn on"
                            + " DKIM signing at your mail provider and publish the key it gives you."));
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
                    return " (delegated by CNAME to " + LookupText.withoutDot(rec.getName().toString()) + ")";
                }
            }
        }
        return "";
    }

    private Finding missing(String domain, SelectorResult r, String where) {
        if (r.cname().isPresent()) {
            return finding(Severity.FAIL, "dkim.cname-dangling",
                    "Selector " + r.selector() + " is a CNAME to " + r.cname().get() + ", which has no key record: signatures"
                            + " with this selector fail.",
                    where + " CNAME " + r.cname().get() + "\n" + LookupText.describe(r.result()),
                    "Check the CNAME target your mail service gave you (a typo, or the service has not activated DKIM"
                            + " for " + domain + " yet).");
        }
        return finding(Severity.FAIL, "dkim.selector-missing",
                "No DKIM key at " + where + ": mail signed with selector " + r.selector() + " fails DKIM.",
                LookupText.describe(r.result()),
                "Publish the key from your mail service: " + where + ". IN TXT \"v=DKIM1; k=rsa; p=<public key>\""
                        + " (or the CNAME it asks for). Check the selector spelling against the s= of a DKIM-Signature header.");
    }

    private List<Finding> judgeKey(String where, String delegated, DkimKeyRecord key) {
        List<Finding> out = new ArrayList<>();
        String evidence = where + " TXT \"" + key.text() + "\"";
        for (String problem : key.problems()) {
            out.add(finding(Severity.FAIL, "dkim.syntax", "DKIM key record at " + where + delegated + ": " + problem, evidence,
                    "Publish the record exactly as your mail service gives it: " + where
                            + ". IN TXT \"v=DKIM1; k=rsa; p=<public key>\""));
        }
        if (!key.problems().isEmpty()) {
            return out;
        }
        if (key.revoked()) {
            out.add(finding(Severity.WARN, "dkim.revoked",
                    "The key at " + where + delegated + " is revoked (empty p=): signatures with this selector fail.",
                    evidence, "If you still sign with this selector, publish its current public key or switch to a selector with a key."));
            return out;
        }
        if (!key.services().isEmpty() && !key.services().contains("*") && !key.services().contains("email")) {
            out.add(finding(Severity.FAIL, "dkim.not-for-email",
                    "The key at " + where + " is restricted to s=" + String.join(":", key.services()) + ", not email.",
                    evidence, "Remove the s= tag (or set s=email)."));
        }
        if (!key.hashes().isEmpty() && !key.hashes().contains("sha256")) {
            out.add(finding(Severity.WARN, "dkim.sha1-only",
                    "The key at " + where + " allows only SHA-1 (h=sha1), which RFC 8301 forbids for signing and verifying.",
                    evidence, "Sign with rsa-sha256 and remove h= (or set h=sha256)."));
        }
        if (key.testing()) {
            out.add(finding(Severity.WARN, "dkim.testing",
                    "The key at " + where + " is in testing mode (t=y): receivers may treat its signatures as unsigned.",
                    evidence, "When signing works, remove t=y from the record."));
        }
        PublicKeyStrength strength = PublicKeyStrength.of(key.keyType(), key.publicKey().orElse(""));
        if (strength instanceof PublicKeyStrength.Unusable) {
            out.add(finding(Severity.FAIL, "dkim.bad-key",
                    "The public key at " + where + delegated + " cannot be read: " + ((PublicKeyStrength.Unusable) strength).reason(),
                    evidence, "Copy the public key again from your mail service, in one piece, without quotes or spaces inside."));
        } else if (strength instanceof PublicKeyStrength.Ed25519) {
            out.add(new Finding(CHECK, Severity.OK, "dkim.ok",
                    "DKIM key found at " + where + delegated + ": Ed25519. Receivers that do not support Ed25519 ignore"
                            + " it, so sign with an RSA key as well.", evidence, "", ARTICLE));
        } else {
            int bits = ((PublicKeyStrength.Rsa) strength).bits();
            if (bits < RSA_FAIL_BELOW) {
                out.add(finding(Severity.FAIL, "dkim.key-too-weak",
                        "The RSA key at " + where + delegated + " has " + bits + " bits; receivers reject keys under 1024 bits.",
                        evidence, "Generate a 2048-bit key, publish it under a new selector and sign with it."));
            } else if (bits < RSA_WARN_BELOW) {
                out.add(finding(Severity.WARN, "dkim.key-short",
                        "The RSA key at " + where + delegated + " has " + bits + " bits; 2048 bits is the current recommendation.",
                        evidence, "Generate a 2048-bit key, publish it under a new selector and sign with it."));
            } else {
                out.add(new Finding(CHECK, Severity.OK, "dkim.ok",
                        "DKIM key found at " + where + delegated + ": RSA " + bits + " bits.", evidence, "", ARTICLE));
            }
        }
        return out;
    }

    private static Finding finding(Severity severity, String code, String message, String evidence, String fix) {
        return new Finding(CHECK, severity, code, message, evidence, fix, ARTICLE);
    }

    private record SelectorResult(String selector, Name name, DnsResult result, Optional<String> cname) {
    }
}
