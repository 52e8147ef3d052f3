package dev.mailhelp.diagnosis.message;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.spf.SpfEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a {@link MessageAnalysis} into findings with stable codes: {@code message.*} for the
 * receiver's verdict, SPF, DMARC, hops and bulk-sender headers, {@code dkim-sig.*} per signature,
 * {@code arc.*} for the chain. Messages carry the values seen; {@code knowledge/findings.yaml}
 * explains each code in every language.
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
            out.add(Finding.info(CHECK, "message.receiver-none", "No Authentication-Results header.", ""));
            return;
        }
        AuthenticationResults r = a.receiver().get();
        String verdicts = r.results().stream().map(m -> m.method() + "=" + m.result()).collect(Collectors.joining(" "));
        boolean dmarcFail = r.first("dmarc").map(m -> m.result().equals("fail")).orElse(false);
        boolean anyFail = r.results().stream().anyMatch(m -> List.of("fail", "softfail", "permerror").contains(m.result()));
        Severity s = dmarcFail ? Severity.FAIL : anyFail ? Severity.WARN : Severity.OK;
        out.add(new Finding(CHECK, s, "message.receiver-verdict",
                r.authservId().orElse("(no authserv-id)") + ": " + (verdicts.isEmpty() ? "none" : verdicts),
                r.results().stream().map(m -> m.method() + "=" + m.result() + m.reason().map(x -> " reason=" + x).orElse("")
                        + (m.props().isEmpty() ? "" : " " + m.props())).collect(Collectors.joining("\n")), "", "dmarc"));
        if (!a.otherResults().isEmpty()) {
            out.add(Finding.info(CHECK, "message.receiver-earlier", a.otherResults().size() + " more Authentication-Results below the top one",
                    a.otherResults().stream().map(x -> x.authservId().orElse("?")).collect(Collectors.joining(", "))));
        }
        a.microsoftScl().ifPresent(scl -> {
            int level = parse(scl);
            out.add(new Finding(CHECK, level >= 5 ? Severity.WARN : Severity.INFO, "message.microsoft-scl", "SCL " + scl, scl, "", ""));
        });
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
        switch (r.result()) {
            case "none" -> { }
            case "pass" -> out.add(Finding.ok(CHECK, "arc.pass", "ARC pass, " + r.instances() + " set(s)", String.join(" > ", r.sealers())));
            case "temperror" -> out.add(new Finding(CHECK, Severity.ERROR, "arc.temperror", "ARC i=" + r.brokenAt() + ": " + r.reason(),
                    String.join(" > ", r.sealers()), "", "dkim"));
            default -> out.add(new Finding(CHECK, Severity.WARN, "arc.fail", "ARC fail at i=" + r.brokenAt() + " (" + r.reason() + ")",
                    String.join(" > ", r.sealers()), "", "dkim"));
        }
    }

    private static void spf(MessageAnalysis a, List<Finding> out) {
        Connection c = a.connection();
        String conn = c.clientIp().map(ip -> ip.getHostAddress()).orElse("?") + " helo=" + c.helo() + " mailfrom=" + c.mailFrom();
        if (a.spf().isEmpty()) {
            out.add(Finding.info(CHECK, "message.spf-no-client", "SPF not checked: no client address", conn));
            return;
        }
        SpfEvaluation e = a.spf().get();
        String what = "SPF " + e.result().id() + " for " + e.domain();
        String evidence = conn + "\n" + e.reason();
        Finding f = switch (e.result()) {
            case PASS -> new Finding(CHECK, Severity.OK, "message.spf-pass", what, evidence, "", "spf");
            case FAIL -> new Finding(CHECK, Severity.FAIL, "message.spf-fail", what, evidence, "", "spf");
            case SOFTFAIL -> new Finding(CHECK, Severity.WARN, "message.spf-softfail", what, evidence, "", "spf");
            case NEUTRAL, NONE -> new Finding(CHECK, Severity.WARN, "message.spf-none", what, evidence, "", "spf");
            case PERMERROR -> new Finding(CHECK, Severity.FAIL, "message.spf-permerror", what, evidence, "", "spf");
            case TEMPERROR -> new Finding(CHECK, Severity.ERROR, "message.spf-temperror", what, evidence, "", "spf");
        };
        out.add(f);
    }

    private static void dmarc(MessageAnalysis a, List<Finding> out) {
        DmarcVerdict d = a.dmarc();
        String evidence = "header.from=" + d.headerFrom() + " policy=" + d.policy() + " (" + d.policyDomain() + ")"
                + " dkim-aligned=" + d.dkimAligned() + " spf-aligned=" + d.spfAligned() + " spf-domain=" + d.spfDomain();
        String what = "DMARC " + d.result() + " (" + d.reason() + ")";
        out.add(switch (d.result()) {
            case "pass" -> new Finding(CHECK, Severity.OK, "message.dmarc-pass", what, evidence, "", "dmarc");
            case "fail" -> new Finding(CHECK, Severity.FAIL, d.passingUnaligned() ? "message.dmarc-unaligned" : "message.dmarc-fail",
                    what, evidence, "", "dmarc");
            case "none" -> new Finding(CHECK, Severity.WARN, "message.dmarc-none", what, evidence, "", "dmarc");
            case "temperror" -> new Finding(CHECK, Severity.ERROR, "message.dmarc-temperror", what, evidence, "", "dmarc");
            default -> new Finding(CHECK, Severity.FAIL, "message.dmarc-no-author", what, evidence, "", "dmarc");
        });
    }

    private static void hops(MessageAnalysis a, List<Finding> out) {
        if (a.hops().isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        Optional<ReceivedHop> slowest = Optional.empty();
        boolean backwards = false;
        boolean plain = false;
        for (int i = 0; i < a.hops().size(); i++) {
            ReceivedHop h = a.hops().get(i);
            list.append(i + 1).append(". ").append(h.from().isEmpty() ? "?" : h.from()).append(" -> ").append(h.by())
                    .append(" ").append(h.time().map(Object::toString).orElse("(no time)"))
                    .append(h.delaySeconds().map(s -> " +" + s + " s").orElse("")).append(" tls=").append(h.tls()).append('\n');
            if (h.delaySeconds().isPresent()) {
                long s = h.delaySeconds().get();
                backwards |= s < 0;
                if (slowest.isEmpty() || s > slowest.get().delaySeconds().get()) {
                    slowest = Optional.of(h);
                }
            }
            plain |= h.tls().equals("no") && !h.from().equals("localhost");
        }
        out.add(Finding.info(CHECK, "message.hops", a.hops().size() + " hops", list.toString().strip()));
        slowest.filter(h -> h.delaySeconds().get() >= SLOW_HOP_SECONDS).ifPresent(h ->
                out.add(new Finding(CHECK, Severity.WARN, "message.slow-hop", h.from() + " -> " + h.by() + ": " + h.delaySeconds().get() + " s",
                        h.time().map(Object::toString).orElse(""), "", "")));
        if (backwards) {
            out.add(Finding.info(CHECK, "message.clock-backwards", "A hop's time is earlier than the one before", list.toString().strip()));
        }
        if (plain) {
            out.add(Finding.info(CHECK, "message.hop-without-tls", "A hop without TLS", list.toString().strip()));
        }
    }

    private static void bulk(MessageAnalysis a, List<Finding> out) {
        if (a.listUnsubscribe().isEmpty()) {
            out.add(Finding.info(CHECK, "message.no-list-unsubscribe", "No List-Unsubscribe", ""));
        } else if (!a.oneClick()) {
            out.add(new Finding(CHECK, Severity.INFO, "message.no-one-click", "List-Unsubscribe without List-Unsubscribe-Post",
                    a.listUnsubscribe().get(), "", "bulk-sender-requirements"));
        } else {
            out.add(Finding.ok(CHECK, "message.one-click", "List-Unsubscribe with One-Click", a.listUnsubscribe().get()));
        }
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
