package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whether a domain meets what Gmail, Yahoo and Outlook.com require of bulk senders, judged from
 * the findings of the other checks (so it never asks the DNS anything itself).
 *
 * <p>Sources (checked 2026-11-27): Google, https://support.google.com/a/answer/81126
 * and https://support.google.com/a/answer/14229414 — all senders: SPF or DKIM, valid forward and
 * reverse DNS; bulk senders (about 5,000+ a day): SPF and DKIM, DMARC (p=none is enough), From
 * aligned with SPF or DKIM, one-click unsubscribe. Yahoo: the same pillars. Microsoft Outlook.com
 * (from May 2025, 5,000+ a day): SPF, DKIM, DMARC at least p=none, aligned.
 */
public final class BulkSenderVerdict {

    public static final String CHECK = "bulk-sender";
    public static final String ARTICLE = "bulk-sender-requirements";

    enum Status { MET, NOT_MET, UNKNOWN }

    /** @param lookupFailed UNKNOWN because a lookup failed (rather than because something was not given) */
    /** @param name the requirement (spf, dkim, dmarc, alignment, ptr); @param why the key of its reason */
    record Requirement(String name, Status status, String why, boolean lookupFailed) {
        Requirement(String name, Status status, String why) {
            this(name, status, why, false);
        }
    }

    private static final Set<String> DMARC_PRESENT = Set.of("dmarc.ok", "dmarc.policy-none", "dmarc.p-missing",
            "dmarc.inherited", "dmarc.syntax");

    private BulkSenderVerdict() {
    }

    /**
     * @param findings       all findings of the domain report
     * @param ptrOfSenders   true when the PTR findings are of known sending addresses (not just the MX hosts)
     */
    public static Finding judge(String domain, List<Finding> findings, boolean ptrOfSenders) {
        List<Requirement> reqs = new ArrayList<>();
        Requirement spf = spf(findings);
        Requirement dkim = dkim(findings);
        reqs.add(spf);
        reqs.add(dkim);
        reqs.add(dmarc(findings));
        reqs.add(alignment(domain, spf, dkim));
        reqs.add(ptr(findings, ptrOfSenders));
        Finding verdict;
        List<Requirement> unmet = reqs.stream().filter(r -> r.status == Status.NOT_MET).collect(Collectors.toList());
        List<Requirement> unknown = reqs.stream().filter(r -> r.status == Status.UNKNOWN).collect(Collectors.toList());
        if (!unmet.isEmpty()) {
            verdict = Finding.of(CHECK, Severity.FAIL, "bulk-sender.not-ready").with("names", names(unmet));
        } else if (!unknown.isEmpty()) {
            // A failed lookup makes the verdict "could not check"; a missing input (selector, IP) is
            // already reported by its own check, so here it is only information.
            Severity severity = unknown.stream().anyMatch(r -> r.lookupFailed) ? Severity.ERROR : Severity.INFO;
            verdict = Finding.of(CHECK, severity, "bulk-sender.unverified").with("names", names(unknown));
        } else {
            verdict = Finding.of(CHECK, Severity.OK, "bulk-sender.ready");
        }
        verdict = verdict.with("domain", domain).withArticle(ARTICLE);
        // One line per requirement in the evidence: its name, met or not, and why (catalogue texts).
        for (Requirement r : reqs) {
            verdict = verdict.with(r.name, Phrase.of("bulk-sender.requirement").with("status", r.status.name().toLowerCase(java.util.Locale.ROOT))
                    .with("why", Phrase.of("bulk-sender.why." + r.why).with("domain", domain)));
        }
        return verdict;
    }

    private static Requirement spf(List<Finding> findings) {
        List<Finding> spf = of(findings, f -> f.check().equals("spf"));
        if (spf.isEmpty()) {
            return new Requirement("spf", Status.UNKNOWN, "spf-not-checked");
        }
        if (spf.stream().anyMatch(f -> f.severity() == Severity.FAIL)) {
            return new Requirement("spf", Status.NOT_MET, "spf-failed");
        }
        if (spf.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return new Requirement("spf", Status.UNKNOWN, "spf-unknown", true);
        }
        return new Requirement("spf", Status.MET, "spf-published");
    }

    private static Requirement dkim(List<Finding> findings) {
        if (has(findings, "dkim.ok") || has(findings, "dkim.key-short")) {
            return new Requirement("dkim", Status.MET, "dkim-published");
        }
        if (findings.stream().anyMatch(f -> f.check().equals("dkim") && f.severity() == Severity.ERROR)) {
            return new Requirement("dkim", Status.UNKNOWN, "dkim-lookup-failed", true);
        }
        if (has(findings, "dkim.none-found")) {
            return new Requirement("dkim", Status.UNKNOWN, "dkim-no-common");
        }
        return new Requirement("dkim", Status.NOT_MET, "dkim-none");
    }

    private static Requirement dmarc(List<Finding> findings) {
        if (has(findings, "dmarc.missing") || has(findings, "dmarc.multiple-records") || has(findings, "dmarc.ignored")) {
            return new Requirement("dmarc", Status.NOT_MET, "dmarc-none");
        }
        if (has(findings, "dmarc.could-not-check")) {
            return new Requirement("dmarc", Status.UNKNOWN, "dmarc-unknown", true);
        }
        if (findings.stream().anyMatch(f -> DMARC_PRESENT.contains(f.code()))) {
            return new Requirement("dmarc", Status.MET, "dmarc-published");
        }
        return new Requirement("dmarc", Status.UNKNOWN, "dmarc-not-checked");
    }

    private static Requirement alignment(String domain, Requirement spf, Requirement dkim) {
        if (dkim.status == Status.MET || spf.status == Status.MET) {
            return new Requirement("alignment", Status.MET, "alignment-possible");
        }
        if (dkim.status == Status.UNKNOWN || spf.status == Status.UNKNOWN) {
            return new Requirement("alignment", Status.UNKNOWN, "alignment-unknown",
                    spf.lookupFailed || dkim.lookupFailed);
        }
        return new Requirement("alignment", Status.NOT_MET, "alignment-none");
    }

    private static Requirement ptr(List<Finding> findings, boolean ofSenders) {
        List<Finding> ptr = of(findings, f -> f.check().equals("ptr") && !f.code().equals("ptr.multiple"));
        if (ptr.isEmpty() || has(findings, "ptr.not-checked")) {
            return new Requirement("ptr", Status.UNKNOWN, "ptr-no-ip");
        }
        if (ptr.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return new Requirement("ptr", Status.UNKNOWN, "ptr-lookup-failed", true);
        }
        boolean allOk = ptr.stream().allMatch(f -> f.code().equals("ptr.ok") || f.code().equals("ptr.generic"));
        if (allOk) {
            return new Requirement("ptr", Status.MET, ofSenders ? "ptr-senders-ok" : "ptr-mx-ok");
        }
        if (!ofSenders) {
            return new Requirement("ptr", Status.UNKNOWN,
                    "ptr-mx-bad");
        }
        return new Requirement("ptr", Status.NOT_MET, "ptr-sender-bad");
    }

    private static boolean has(List<Finding> findings, String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    private static List<Finding> of(List<Finding> findings, Predicate<Finding> p) {
        return findings.stream().filter(p).collect(Collectors.toList());
    }

    private static List<Phrase> names(List<Requirement> reqs) {
        return reqs.stream().map(r -> Phrase.of("bulk-sender.name." + r.name)).collect(Collectors.toList());
    }
}
