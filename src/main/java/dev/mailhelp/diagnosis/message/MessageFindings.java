package dev.mailhelp.diagnosis.message;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.spf.SpfEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a {@link MessageAnalysis} into findings with stable codes: {@code message.*} for the
 * receiver's verdict, SPF, DMARC, hops and bulk-sender headers, {@code dkim-sig.*} per signature,
 * {@code arc.*} for the chain. Findings carry the values seen; the sentences come from
 * {@code knowledge/catalogue/<locale>.yaml}. Evidence is what the message or DNS said, verbatim.
 */
public final class MessageFindings {

    public static final String CHECK = "message";
    /** A hop slower than this is named (queues of a few minutes are normal; more is worth a look). */
    static final long SLOW_HOP_SECONDS = 600;

    private MessageFindings() {
    }

    public static List<Finding> of(MessageAnalysis a) {
        List<Finding> out = new ArrayList<>();
        receiver(a, out);
        dkim(a, out);
        arc(a, out);
        spf(a, out);
        dmarc(a, out);
        hops(a, out);
        bulk(a, out);
        return out;
    }

    private static void receiver(MessageAnalysis a, List<Finding> out) {
        if (a.receiver().isEmpty()) {
            out.add(Finding.of(CHECK, Severity.INFO, "message.receiver-none"));
            return;
        }
        AuthenticationResults r = a.receiver().get();
        String verdicts = r.results().stream().map(m -> m.method() + "=" + m.result()).collect(Collectors.joining(" "));
        boolean dmarcFail = r.first("dmarc").map(m -> m.result().equals("fail")).orElse(false);
        boolean anyFail = r.results().stream().anyMatch(m -> List.of("fail", "softfail", "permerror").contains(m.result()));
        Severity s = dmarcFail ? Severity.FAIL : anyFail ? Severity.WARN : Severity.OK;
        // The evidence is the header's own words (method=result reason=... props), never translated.
        out.add(Finding.of(CHECK, s, "message.receiver-verdict").with("receiver", r.authservId().orElse(""))
                .with("named", r.authservId().isPresent() ? "yes" : "no")
                .with("verdicts", verdicts).withArticle("dmarc")
                .evidence(r.results().stream().map(m -> m.method() + "=" + m.result() + m.reason().map(x -> " reason=" + x).orElse("")
                        + (m.props().isEmpty() ? "" : " " + m.props())).collect(Collectors.joining("\n"))));
        if (!a.otherResults().isEmpty()) {
            out.add(Finding.of(CHECK, Severity.INFO, "message.receiver-earlier").with("count", a.otherResults().size())
                    .with("receivers", a.otherResults().stream().map(x -> x.authservId().orElse("?")).toList()));
        }
        a.microsoftScl().ifPresent(scl -> {
            int level = parse(scl);
            out.add(Finding.of(CHECK, level >= 5 ? Severity.WARN : Severity.INFO, "message.microsoft-scl").with("scl", scl.strip())
                    .with("band", level >= 9 ? "high" : level >= 5 ? "spam" : level >= 0 ? "clean" : level == -1 ? "trusted" : "unknown")
                    .evidence(scl));
        });
        r.first("compauth").ifPresent(m -> {
            String code = m.reason().orElse("").strip();
            String band = compauthBand(m.result(), code);
            Severity sev = m.result().equals("fail") ? Severity.FAIL : m.result().equals("softpass") ? Severity.WARN
                    : m.result().equals("pass") ? Severity.OK : Severity.INFO;
            out.add(Finding.of(CHECK, sev, "message.microsoft-compauth").with("result", m.result()).with("code", code.isEmpty() ? "-" : code)
                    .with("band", band).evidence("compauth=" + m.result() + (code.isEmpty() ? "" : " reason=" + code)).withArticle("dmarc"));
        });
        String cat = a.antispam().getOrDefault("CAT", "");
        if (!cat.isEmpty()) {
            String sfv = a.antispam().getOrDefault("SFV", "");
            boolean bad = !List.of("NONE", "BULK").contains(cat.toUpperCase(java.util.Locale.ROOT));
            out.add(Finding.of(CHECK, bad ? Severity.WARN : Severity.INFO, "message.microsoft-category")
                    .with("cat", cat).with("kind", categoryKind(cat)).with("sfv", sfv.isEmpty() ? "-" : sfv)
                    .with("kind_text", Phrase.of("message.microsoft-category-kind").with("kind", categoryKind(cat)))
                    .with("filter_text", Phrase.of("message.microsoft-filter").with("filter", filterKind(sfv))).evidence("CAT:" + cat + (sfv.isEmpty() ? "" : ";SFV:" + sfv)));
        }
    }

    /**
     * Microsoft's composite authentication reason codes, grouped as its documentation does
     * (https://learn.microsoft.com/en-us/defender-office-365/message-headers-eop-mdo, checked 2026-12-04):
     * 000 explicit fail (the sender's DMARC says reject or quarantine), 001 implicit fail, 002 the
     * organisation forbids this sender/domain pair, 010 DMARC fail for one of the organisation's own
     * domains, 1xx/7xx pass, 2xx soft pass, 3xx not checked, 4xx/9xx bypassed, 6xx implicit fail for
     * an accepted domain of the organisation.
     */
    static String compauthBand(String result, String code) {
        if (code.length() != 3 || !code.chars().allMatch(Character::isDigit)) {
            return "unknown";
        }
        return switch (code.charAt(0)) {
            case '0' -> switch (code) {
                case "000" -> "explicit_fail";
                case "001" -> "implicit_fail";
                case "002" -> "prohibited";
                case "010" -> "own_domain";
                default -> "unknown";
            };
            case '1', '7' -> "pass";
            case '2' -> "softpass";
            case '3' -> "not_checked";
            case '4', '9' -> "bypassed";
            case '6' -> "accepted_domain";
            default -> "unknown";
        };
    }

    /** The CAT value of X-Forefront-Antispam-Report as a select keyword of the catalogue. */
    static String categoryKind(String cat) {
        String c = cat.toUpperCase(java.util.Locale.ROOT);
        return switch (c) {
            case "BULK", "DIMP", "GIMP", "HPHSH", "HPHISH", "HSPM", "MALW", "PHSH", "SPM", "SPOOF", "UIMP", "AMP", "SAP", "OSPM",
                 "INTOS", "NONE" -> c.toLowerCase(java.util.Locale.ROOT);
            default -> "other";
        };
    }

    /** The SFV value (what the spam filter did) as a select keyword. */
    static String filterKind(String sfv) {
        String v = sfv.toUpperCase(java.util.Locale.ROOT);
        return switch (v) {
            case "BLK", "NSPM", "SFE", "SKA", "SKB", "SKI", "SKN", "SKQ", "SKS", "SPM" -> v.toLowerCase(java.util.Locale.ROOT);
            default -> "other";
        };
    }

    private static void dkim(MessageAnalysis a, List<Finding> out) {
        if (a.dkim().isEmpty()) {
            out.add(Finding.of(CHECK, Severity.WARN, "dkim-sig.none").withArticle("dkim"));
            return;
        }
        for (DkimVerdict v : a.dkim()) {
            String code = switch (v.reason()) {
                case "ok" -> "dkim-sig.pass";
                case "body-hash-mismatch", "body-shorter-than-l" -> "dkim-sig.body-changed";
                case "signature-mismatch" -> "dkim-sig.header-changed";
                case "key-lookup-failed" -> "dkim-sig.key-lookup-failed";
                case "key-missing", "key-revoked", "key-invalid", "key-syntax", "key-not-for-email", "key-type-mismatch",
                     "key-type-unknown", "hash-not-allowed", "identity-subdomain-forbidden", "bad-key-name" -> "dkim-sig.key-problem";
                case "key-too-short", "sha1" -> "dkim-sig.weak";
                case "expired", "expiry-before-timestamp" -> "dkim-sig.expired";
                case "unsigned-from" -> "dkim-sig.unsigned-from";
                case "body-not-given" -> "dkim-sig.body-not-given";
                default -> "dkim-sig.malformed";
            };
            Severity s = switch (v.result()) {
                case PASS -> Severity.OK;
                case NEUTRAL -> Severity.INFO;
                case TEMPERROR -> Severity.ERROR;
                default -> Severity.FAIL;
            };
            out.add(Finding.of(CHECK, s, code).with("domain", v.domain()).with("selector", v.selector())
                    .with("algorithm", v.algorithm()).with("result", v.result().id()).with("reason", v.reason())
                    .evidence(v.detail()).withArticle("dkim"));
            if (v.testing()) {
                out.add(Finding.of(CHECK, Severity.INFO, "dkim-sig.testing").with("domain", v.domain()).with("selector", v.selector())
                        .withArticle("dkim"));
            }
        }
    }

    private static void arc(MessageAnalysis a, List<Finding> out) {
        ArcResult r = a.arc();
        String chain = String.join(" > ", r.sealers());
        switch (r.result()) {
            case "none" -> { }
            case "pass" -> out.add(Finding.of(CHECK, Severity.OK, "arc.pass").with("count", r.instances()).with("sealers", chain)
                    .evidence(chain));
            case "temperror" -> out.add(Finding.of(CHECK, Severity.ERROR, "arc.temperror").with("instance", String.valueOf(r.brokenAt()))
                    .with("count", r.instances()).with("reason", r.reason()).evidence(chain).withArticle("dkim"));
            default -> out.add(Finding.of(CHECK, Severity.WARN, "arc.fail").with("instance", String.valueOf(r.brokenAt()))
                    .with("count", r.instances()).with("sealer", sealer(r, r.brokenAt()))
                    .with("sealed", sealer(r, r.brokenAt()).isEmpty() ? "no" : "yes")
                    .with("why", Phrase.of("arc.why").with("reason", arcKeyword(r.reason())).with("raw", r.reason())).with("reason", r.reason())
                    .evidence(chain).withArticle("dkim"));
        }
        if (!r.amsFailing().isEmpty()) {
            int after = r.amsFailing().get(r.amsFailing().size() - 1);
            out.add(Finding.of(CHECK, Severity.INFO, "arc.changed-after").with("hop", String.valueOf(after))
                    .with("sealer", sealer(r, after)).with("oldest_pass", String.valueOf(r.oldestPass()))
                    // "the later signatures still hold" only helps a chain that passes
                    .with("later", r.oldestPass() > 0 && r.result().equals("pass") ? "yes" : "no")
                    .with("failing", r.amsFailing().stream().map(String::valueOf).toList()).with("count", r.amsFailing().size()).evidence(chain).withArticle("dkim"));
        }
    }

    /** The d= of the seal of instance {@code i} (1-based), empty when unknown. */
    private static String sealer(ArcResult r, int i) {
        return i >= 1 && i <= r.sealers().size() ? r.sealers().get(i - 1) : "";
    }

    /** An ARC reason id as a keyword of the {@code arc.why} phrase: the many ways a signature or key is unusable fold into two. */
    static String arcKeyword(String reason) {
        if (reason.startsWith("signature-") && !reason.equals("signature-mismatch")) {
            return "malformed";
        }
        if (reason.startsWith("key-") || reason.equals("hash-not-allowed") || reason.equals("bad-key-name")) {
            return "key";
        }
        return selectable(reason);
    }

    /** A reason id as an ICU select keyword (letters, digits and _ only). */
    static String selectable(String reason) {
        return reason.replace('-', '_');
    }

    private static void spf(MessageAnalysis a, List<Finding> out) {
        Connection c = a.connection();
        String ip = c.clientIp().map(x -> x.getHostAddress()).orElse("");
        String conn = "client-ip=" + (ip.isEmpty() ? "?" : ip) + " helo=" + c.helo() + " mailfrom=" + c.mailFrom();
        if (a.spf().isEmpty()) {
            out.add(Finding.of(CHECK, Severity.INFO, "message.spf-no-client").evidence(conn).withArticle("spf"));
            return;
        }
        SpfEvaluation e = a.spf().get();
        // The evaluator's reason is an English sentence; the evidence keeps to what was seen.
        String evidence = conn + "\nspf=" + e.result().id() + " smtp.mailfrom=" + e.domain() + " lookups=" + e.lookups();
        String code = switch (e.result()) {
            case PASS -> "message.spf-pass";
            case FAIL -> "message.spf-fail";
            case SOFTFAIL -> "message.spf-softfail";
            case NEUTRAL, NONE -> "message.spf-none";
            case PERMERROR -> "message.spf-permerror";
            case TEMPERROR -> "message.spf-temperror";
        };
        Severity s = switch (e.result()) {
            case PASS -> Severity.OK;
            case FAIL, PERMERROR -> Severity.FAIL;
            case SOFTFAIL, NEUTRAL, NONE -> Severity.WARN;
            case TEMPERROR -> Severity.ERROR;
        };
        out.add(Finding.of(CHECK, s, code).with("result", e.result().id()).with("domain", e.domain()).with("ip", ip)
                .with("helo", c.helo()).evidence(evidence).withArticle("spf"));
    }

    private static void dmarc(MessageAnalysis a, List<Finding> out) {
        DmarcVerdict d = a.dmarc();
        String evidence = "header.from=" + d.headerFrom() + " policy=" + d.policy() + " (" + d.policyDomain() + ")"
                + " dkim-aligned=" + d.dkimAligned() + " spf-aligned=" + d.spfAligned() + " spf-domain=" + d.spfDomain();
        String code = switch (d.result()) {
            case "pass" -> "message.dmarc-pass";
            case "fail" -> d.passingUnaligned() ? "message.dmarc-unaligned" : "message.dmarc-fail";
            case "none" -> "message.dmarc-none";
            case "temperror" -> "message.dmarc-temperror";
            default -> "message.dmarc-no-author";
        };
        Severity s = switch (d.result()) {
            case "pass" -> Severity.OK;
            case "none" -> Severity.WARN;
            case "temperror" -> Severity.ERROR;
            default -> Severity.FAIL;
        };
        out.add(Finding.of(CHECK, s, code).with("from", d.headerFrom()).with("reason", selectable(d.reason()))
                .with("policy", d.policy().isEmpty() ? "none" : d.policy()).with("policy_domain", d.policyDomain())
                .with("dkim_domains", d.dkimAligned()).with("spf_domain", d.spfDomain())
                .with("testing", d.testing() ? "yes" : "no")
                .with("via", via(a)).evidence(evidence).withArticle("dmarc"));
    }

    /** Which checks passed (for DMARC: aligned or not): {@code dkim}, {@code spf} or {@code both}. */
    private static String via(MessageAnalysis a) {
        boolean dkim = a.dkim().stream().anyMatch(DkimVerdict::passed);
        boolean spf = a.spf().map(e -> e.result() == dev.mailhelp.diagnosis.spf.SpfResult.PASS).orElse(false);
        return dkim && spf ? "both" : dkim ? "dkim" : "spf";
    }

    private static void hops(MessageAnalysis a, List<Finding> out) {
        if (a.hops().isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        Optional<ReceivedHop> slowest = Optional.empty();
        boolean backwards = false;
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < a.hops().size(); i++) {
            ReceivedHop h = a.hops().get(i);
            // language-neutral: names, times and tls=yes|no|unknown as the Received fields said
            list.append(i + 1).append(". ").append(h.from().isEmpty() ? "?" : h.from()).append(" -> ").append(h.by())
                    .append(" ").append(h.time().map(Object::toString).orElse("?"))
                    .append(h.delaySeconds().map(s -> " +" + s + " s").orElse("")).append(" tls=").append(h.tls()).append('\n');
            if (h.delaySeconds().isPresent()) {
                long s = h.delaySeconds().get();
                backwards |= s < 0;
                if (slowest.isEmpty() || s > slowest.get().delaySeconds().get()) {
                    slowest = Optional.of(h);
                }
            }
            // only hops that crossed the internet: a relay inside one network (private address) is not flagged
            if (h.tls().equals("no") && Connection.address(h.clientIp()).filter(Connection::isPublic).isPresent()) {
                plain.add((h.from().isEmpty() ? "?" : h.from()) + " -> " + h.by());
            }
        }
        String hops = list.toString().strip();
        out.add(Finding.of(CHECK, Severity.INFO, "message.hops").with("count", a.hops().size()).evidence(hops));
        slowest.filter(h -> h.delaySeconds().get() >= SLOW_HOP_SECONDS).ifPresent(h ->
                out.add(Finding.of(CHECK, Severity.WARN, "message.slow-hop").with("from", h.from().isEmpty() ? "?" : h.from())
                        .with("by", h.by()).with("seconds", h.delaySeconds().get()).with("minutes", h.delaySeconds().get() / 60)
                        .evidence(h.time().map(Object::toString).orElse(""))));
        if (backwards) {
            out.add(Finding.of(CHECK, Severity.INFO, "message.clock-backwards").evidence(hops));
        }
        if (!plain.isEmpty()) {
            out.add(Finding.of(CHECK, Severity.INFO, "message.hop-without-tls").with("hops", plain).evidence(hops));
        }
    }

    private static void bulk(MessageAnalysis a, List<Finding> out) {
        if (a.listUnsubscribe().isEmpty()) {
            out.add(Finding.of(CHECK, Severity.INFO, "message.no-list-unsubscribe").withArticle("bulk-sender-requirements"));
        } else if (!a.oneClick()) {
            out.add(Finding.of(CHECK, Severity.INFO, "message.no-one-click").evidence(a.listUnsubscribe().get())
                    .withArticle("bulk-sender-requirements"));
        } else {
            out.add(Finding.of(CHECK, Severity.OK, "message.one-click").evidence(a.listUnsubscribe().get()));
        }
    }

    /** The finding for a message cut at the size limit: its headers were read, its body hashes not judged. */
    public static Finding truncated() {
        return Finding.of(CHECK, Severity.INFO, "message.truncated").with("megabytes", MessageLimits.MAX_BYTES / (1024 * 1024));
    }

    /** The finding for pasted text without a single header field. */
    public static Finding notAMessage() {
        return Finding.of(CHECK, Severity.ERROR, "message.not-a-message");
    }

    /** The finding for a reading that did not finish in time (or failed inside). */
    public static Finding couldNotCheck(Throwable why) {
        Throwable t = why instanceof java.util.concurrent.CompletionException && why.getCause() != null ? why.getCause() : why;
        return Finding.of(CHECK, Severity.ERROR, "message.could-not-check")
                .with("reason", t instanceof java.util.concurrent.TimeoutException ? "timeout" : "other");
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
