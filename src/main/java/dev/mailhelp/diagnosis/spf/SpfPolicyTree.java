package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The static view of a policy the linter needs: every record reachable through include and
 * redirect, read concurrently, with the DNS lookups each costs and the lookups that find
 * nothing. Unlike {@link SpfEvaluator} it follows every branch (the worst case a receiver can
 * meet), because a limit that is exceeded only for some senders is still a broken record.
 */
final class SpfPolicyTree {

    /** Where a record's TXT lookup led. */
    enum Status { OK, NO_RECORD, SEVERAL_RECORDS, SYNTAX, LOOP, DNS_FAILURE, MACRO }

    /**
     * One record in the tree.
     *
     * @param via      the term that led here ("" for the top record)
     * @param lookups  DNS-querying terms of this record and everything it includes
     * @param voids    lookups of this subtree that found nothing ("term (name)")
     * @param failures DNS failures met in this subtree ("what: why")
     */
    record Node(String via, String domain, Status status, String detail, SpfRecord record, List<Node> children,
                int lookups, List<String> voids, List<String> failures) {

        /** Adds the nodes of this subtree with the given status (e.g. includes of domains without SPF). */
        void collect(Status wanted, List<Node> out) {
            if (status == wanted) {
                out.add(this);
            }
            children.forEach(c -> c.collect(wanted, out));
        }

        boolean hasLoop() {
            return status == Status.LOOP || children.stream().anyMatch(Node::hasLoop);
        }
    }

    private final DnsClient dns;

    SpfPolicyTree(DnsClient dns) {
        this.dns = dns;
    }

    CompletableFuture<Node> walk(String domain, SpfRecord record) {
        return walk("", domain, record, Set.of(domain.toLowerCase(Locale.ROOT)));
    }

    private CompletableFuture<Node> walk(String via, String domain, SpfRecord record, Set<String> path) {
        List<CompletableFuture<Node>> children = new ArrayList<>();
        List<CompletableFuture<String>> voidChecks = new ArrayList<>();
        List<CompletableFuture<String>> failureChecks = new ArrayList<>();
        int direct = 0;
        for (Mechanism m : record.mechanisms()) {
            if (!m.kind().countsLookup()) {
                continue;
            }
            direct++;
            String target = plain(m.domain(), domain);
            switch (m.kind()) {
                case INCLUDE -> children.add(child(m.text(), target, path));
                case A, EXISTS, MX -> {
                    if (target != null) {
                        Name name = DomainNames.toName(target);
                        int type = m.kind() == MechanismKind.MX ? Type.MX : Type.A;
                        CompletableFuture<DnsResult> answer = name == null
                                ? CompletableFuture.completedFuture(new DnsResult.NxDomain(Name.root, type))
                                : dns.query(name, type);
                        String what = m.text() + " (" + target + ")";
                        voidChecks.add(answer.thenApply(r -> r.isEmpty() ? what : null));
                        failureChecks.add(answer.thenApply(r -> r instanceof DnsResult.Failure
                                ? what + ": " + ((DnsResult.Failure) r).kind().id() : null));
                    }
                }
                default -> { }
            }
        }
        // redirect= is used only when no mechanism matches, which never happens after "all"
        if (record.redirect() != null && !record.hasAll()) {
            direct++;
            children.add(child(record.redirect().text(), plain(record.redirect().value(), domain), path));
        }
        int own = direct;
        CompletableFuture<?> all = CompletableFuture.allOf(concat(children, voidChecks, failureChecks));
        return all.thenApply(x -> {
            List<Node> kids = children.stream().map(CompletableFuture::join).toList();
            List<String> voids = new ArrayList<>();
            voidChecks.stream().map(CompletableFuture::join).filter(v -> v != null).forEach(voids::add);
            List<String> failures = new ArrayList<>();
            failureChecks.stream().map(CompletableFuture::join).filter(v -> v != null).forEach(failures::add);
            int lookups = own;
            for (Node k : kids) {
                lookups += k.lookups();
                voids.addAll(k.voids());
                failures.addAll(k.failures());
            }
            return new Node(via, domain, Status.OK, "", record, kids, lookups, voids, failures);
        });
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<?>[] concat(List<? extends CompletableFuture<?>>... lists) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (List<? extends CompletableFuture<?>> l : lists) {
            all.addAll(l);
        }
        return all.toArray(new CompletableFuture<?>[0]);
    }

    private CompletableFuture<Node> child(String via, String target, Set<String> path) {
        if (target == null) {
            return leaf(via, "(set by macros)", Status.MACRO, "the target is built from macros at evaluation time");
        }
        String key = target.toLowerCase(Locale.ROOT);
        if (path.contains(key)) {
            return leaf(via, target, Status.LOOP, target + " includes itself through " + String.join(" -> ", path));
        }
        Name name = DomainNames.toName(target);
        if (name == null) {
            return leaf(via, target, Status.NO_RECORD, "'" + target + "' is not a valid DNS name");
        }
        Set<String> nextPath = new java.util.LinkedHashSet<>(path);
        nextPath.add(key);
        return dns.query(name, Type.TXT).thenCompose(r -> {
            if (r instanceof DnsResult.Failure) {
                DnsResult.Failure f = (DnsResult.Failure) r;
                String why = "TXT " + target + ": " + f.kind().id();
                return CompletableFuture.completedFuture(new Node(via, target, Status.DNS_FAILURE, why, null,
                        List.of(), 0, List.of(), List.of(why)));
            }
            List<String> spf = spfTexts(r);
            if (spf.isEmpty()) {
                return leaf(via, target, Status.NO_RECORD, target + " publishes no v=spf1 record"
                        + (r instanceof DnsResult.NxDomain ? " (the name does not exist)" : ""), List.of(via + " (" + target + ")"));
            }
            if (spf.size() > 1) {
                return leaf(via, target, Status.SEVERAL_RECORDS, target + " publishes " + spf.size() + " v=spf1 records");
            }
            try {
                return walk(via, target, SpfRecord.parse(spf.get(0)), nextPath);
            } catch (SpfSyntaxException e) {
                return leaf(via, target, Status.SYNTAX, "syntax error in the record of " + target + ": " + e.getMessage());
            }
        });
    }

    private static CompletableFuture<Node> leaf(String via, String domain, Status status, String detail) {
        return leaf(via, domain, status, detail, List.of());
    }

    private static CompletableFuture<Node> leaf(String via, String domain, Status status, String detail,
                                                List<String> voids) {
        return CompletableFuture.completedFuture(new Node(via, domain, status, detail, null, List.of(), 0, voids,
                List.of()));
    }

    static List<String> spfTexts(DnsResult r) {
        List<String> spf = new ArrayList<>();
        if (r instanceof DnsResult.Answer) {
            for (Record rr : ((DnsResult.Answer) r).records()) {
                if (rr instanceof TXTRecord) {
                    String text = TxtStrings.joined((TXTRecord) rr, StandardCharsets.ISO_8859_1);
                    if (SpfRecord.isSpf1(text)) {
                        spf.add(text);
                    }
                }
            }
        }
        return spf;
    }

    /** A target known without evaluation: the domain, or a domain-spec without macros; else null. */
    private static String plain(MacroString spec, String domain) {
        if (spec == null) {
            return domain;
        }
        return spec.isPlain() ? DomainNames.finish(spec.expand(null)) : null;
    }
}
