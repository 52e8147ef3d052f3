package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.diagnosis.Finding;
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
        String evidence = reqs.stream().map(r -> r.name + ": " + words(r.status) + " — " + r.why)
                .collect(Collectors.joining("\n"));
        String alsoRequired = "Also required, not visible in DNS: TLS for sending, one-click unsubscribe (RFC 8058) in"
                + " marketing mail, and a spam rate in Gmail Postmaster Tools below 0.10% that never reaches 0.30%. Sources: Gmail"
                + " https://support.google.com/a/answer/81126 and https://support.google.com/a/answer/14229414; Yahoo and"
                + " Outlook.com (from May 2025, 5,000+ messages a day) publish the same requirements.";
        List<Requirement> unmet = reqs.stream().filter(r -> r.status == Status.NOT_MET).collect(Collectors.toList());
        List<Requirement> unknown = reqs.stream().filter(r -> r.status == Status.UNKNOWN).collect(Collectors.toList());
        if (!unmet.isEmpty()) {
            return new Finding(CHECK, Severity.FAIL, "bulk-sender.not-ready",
                    domain + " does not meet the Gmail / Yahoo / Outlook requirements for bulk senders: "
                            + names(unmet) + " missing. Mail to their users may be rejected or sent to spam.",
                    evidence, "Fix the findings of " + names(unmet) + " above. " + alsoRequired, ARTICLE);
        }
        if (!unknown.isEmpty()) {
            // A failed lookup makes the verdict "could not check"; a missing input (selector, IP) is
            // already reported by its own check, so here it is only information.
            Severity severity = unknown.stream().anyMatch(r -> r.lookupFailed) ? Severity.ERROR : Severity.INFO;
            return new Finding(CHECK, severity, "bulk-sender.unverified",
                    "Nothing missing was seen, but " + names(unknown) + " could not be confirmed, so bulk-sender"
                            + " readiness of " + domain + " is not proven.",
                    evidence, "See the " + names(unknown) + " findings above for what to give or retry. " + alsoRequired, ARTICLE);
        }
        return new Finding(CHECK, Severity.OK, "bulk-sender.ready",
                domain + " meets the DNS requirements of Gmail, Yahoo and Outlook for bulk senders (SPF, DKIM, DMARC,"
                        + " alignment possible, reverse DNS).", evidence, alsoRequired, ARTICLE);
    }

    private static Requirement spf(List<Finding> findings) {
        List<Finding> spf = of(findings, f -> f.check().equals("spf"));
        if (spf.isEmpty()) {
            return new Requirement("SPF", Status.UNKNOWN, "SPF was not checked");
        }
        if (spf.stream().anyMatch(f -> f.severity() == Severity.FAIL)) {
            return new Requirement("SPF", Status.NOT_MET, "the SPF check found a failure");
        }
        if (spf.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return new Requirement("SPF", Status.UNKNOWN, "the SPF record could not be checked", true);
        }
        return new Requirement("SPF", Status.MET, "an SPF record is published");
    }

    private static Requirement dkim(List<Finding> findings) {
        if (has(findings, "dkim.ok") || has(findings, "dkim.key-short")) {
            return new Requirement("DKIM", Status.MET, "a usable DKIM key is published");
        }
        if (findings.stream().anyMatch(f -> f.check().equals("dkim") && f.severity() == Severity.ERROR)) {
            return new Requirement("DKIM", Status.UNKNOWN, "a DKIM lookup failed", true);
        }
        if (has(findings, "dkim.none-found")) {
            return new Requirement("DKIM", Status.UNKNOWN, "no key under the common selectors; give your selector");
        }
        return new Requirement("DKIM", Status.NOT_MET, "no usable DKIM key was found");
    }

    private static Requirement dmarc(List<Finding> findings) {
        if (has(findings, "dmarc.missing") || has(findings, "dmarc.multiple-records") || has(findings, "dmarc.ignored")) {
            return new Requirement("DMARC", Status.NOT_MET, "no usable DMARC record");
        }
        if (has(findings, "dmarc.could-not-check")) {
            return new Requirement("DMARC", Status.UNKNOWN, "the DMARC record could not be looked up", true);
        }
        if (findings.stream().anyMatch(f -> DMARC_PRESENT.contains(f.code()))) {
            return new Requirement("DMARC", Status.MET, "a DMARC record is published (p=none is enough)");
        }
        return new Requirement("DMARC", Status.UNKNOWN, "DMARC was not checked");
    }

    private static Requirement alignment(String domain, Requirement spf, Requirement dkim) {
        if (dkim.status == Status.MET || spf.status == Status.MET) {
            return new Requirement("Alignment", Status.MET, "possible: sign with d=" + domain
                    + " or use a Return-Path at " + domain + " (check that your sending service does, not its own domain)");
        }
        if (dkim.status == Status.UNKNOWN || spf.status == Status.UNKNOWN) {
            return new Requirement("Alignment", Status.UNKNOWN, "depends on SPF or DKIM, which could not be confirmed",
                    spf.lookupFailed || dkim.lookupFailed);
        }
        return new Requirement("Alignment", Status.NOT_MET, "neither SPF nor DKIM is in place for " + domain);
    }

    private static Requirement ptr(List<Finding> findings, boolean ofSenders) {
        List<Finding> ptr = of(findings, f -> f.check().equals("ptr") && !f.code().equals("ptr.multiple"));
        if (ptr.isEmpty() || has(findings, "ptr.not-checked")) {
            return new Requirement("Reverse DNS", Status.UNKNOWN, "no sending IP known; check it with the IP given");
        }
        if (ptr.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return new Requirement("Reverse DNS", Status.UNKNOWN, "a reverse lookup failed", true);
        }
        boolean allOk = ptr.stream().allMatch(f -> f.code().equals("ptr.ok") || f.code().equals("ptr.generic"));
        if (allOk) {
            return new Requirement("Reverse DNS", Status.MET, ofSenders ? "the sending IPs forward-confirm"
                    : "the MX hosts forward-confirm (give your sending IP to check it too)");
        }
        if (!ofSenders) {
            return new Requirement("Reverse DNS", Status.UNKNOWN,
                    "an MX host lacks valid reverse DNS; that matters if it sends (give your sending IP)");
        }
        return new Requirement("Reverse DNS", Status.NOT_MET, "a sending IP has no forward-confirmed reverse DNS");
    }

    private static boolean has(List<Finding> findings, String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    private static List<Finding> of(List<Finding> findings, Predicate<Finding> p) {
        return findings.stream().filter(p).collect(Collectors.toList());
    }

    private static String names(List<Requirement> reqs) {
        return reqs.stream().map(r -> r.name).collect(Collectors.joining(", "));
    }

    private static String words(Status s) {
        switch (s) {
            case MET:
                return "met";
            case NOT_MET:
                return "NOT met";
            default:
                return "not confirmed";
        }
    }
}
