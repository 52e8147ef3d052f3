package dev.mailhelp.diagnosis.message;

import dev.mailhelp.diagnosis.dmarc.DmarcRecord;
import dev.mailhelp.diagnosis.dmarc.DmarcTreeWalk;
import dev.mailhelp.diagnosis.spf.SpfEvaluation;
import dev.mailhelp.diagnosis.spf.SpfResult;
import dev.mailhelp.dns.DnsClient;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * DMARC of a message: the author domain from From, the policy found by the existing tree walk, and
 * alignment of passing DKIM signatures and the SPF domain with it. The walk starts as soon as the
 * From domain is known, in parallel with key and SPF lookups.
 */
public final class MessageDmarc {

    private final DmarcTreeWalk walk;

    public MessageDmarc(DnsClient dns) {
        this.walk = new DmarcTreeWalk(dns);
    }

    /** The single author domain, or why there is none ({@code no-from}, {@code multiple-from}). */
    public static Author author(MessageText message) {
        List<HeaderField> from = message.all("From");
        if (from.isEmpty()) {
            return new Author("", "no-from");
        }
        if (from.size() > 1) {
            return new Author("", "multiple-from");
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from.get(0).text(), false);
            if (addresses.length != 1) {
                return new Author("", addresses.length == 0 ? "no-from" : "multiple-from");
            }
            String a = addresses[0].getAddress();
            int at = a == null ? -1 : a.lastIndexOf('@');
            if (at < 0 || at == a.length() - 1) {
                return new Author("", "no-from");
            }
            return new Author(a.substring(at + 1).toLowerCase(Locale.ROOT).replaceAll("\\.$", ""), "");
        } catch (AddressException e) {
            return new Author("", "no-from");
        }
    }

    /** @param problem empty when {@code domain} is the one author domain */
    public record Author(String domain, String problem) { }

    public CompletableFuture<DmarcVerdict> evaluate(MessageText message, CompletableFuture<List<DkimVerdict>> dkim,
                                                    CompletableFuture<Optional<SpfEvaluation>> spf) {
        return evaluate(message, dkim, spf, List.of());
    }

    /**
     * @param spfCandidates the domains SPF may judge (the envelope sender's, the HELO name), known
     *                      before SPF finishes: their tree walks start at once, with those of the
     *                      signatures' d=, so relaxed alignment adds no round trip to the longest chain
     */
    public CompletableFuture<DmarcVerdict> evaluate(MessageText message, CompletableFuture<List<DkimVerdict>> dkim,
                                                    CompletableFuture<Optional<SpfEvaluation>> spf, List<String> spfCandidates) {
        Author author = author(message);
        if (!author.problem().isEmpty()) {
            return dkim.thenCombine(spf, (d, s) -> new DmarcVerdict("permerror", author.problem(), "", "", "", false,
                    List.of(), false, s.map(SpfEvaluation::domain).orElse(""), false));
        }
        String from = author.domain();
        CompletableFuture<DmarcTreeWalk.Walk> walked = walk.walk(from);
        Map<String, CompletableFuture<DmarcTreeWalk.Walk>> walks = new ConcurrentHashMap<>();
        walks.put(from, walked);
        List<String> early = new ArrayList<>(spfCandidates);
        for (HeaderField f : message.all("DKIM-Signature")) {
            TagList.parse(f.value()).get("d").ifPresent(early::add);
        }
        for (String id : early) {
            String d = normalise(id);
            if (d.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)+")) {
                walks.computeIfAbsent(d, walk::walk);
            }
        }
        return CompletableFuture.allOf(walked, dkim, spf).thenCompose(v -> {
            List<String> ids = new ArrayList<>();
            dkim.join().stream().filter(DkimVerdict::passed).forEach(d -> ids.add(normalise(d.domain())));
            spf.join().ifPresent(s -> ids.add(normalise(s.domain())));
            List<CompletableFuture<DmarcTreeWalk.Walk>> needed = new ArrayList<>();
            for (String id : ids) {
                if (!id.isEmpty()) {
                    needed.add(walks.computeIfAbsent(id, walk::walk));
                }
            }
            return CompletableFuture.allOf(needed.toArray(new CompletableFuture[0]))
                    .thenApply(x -> judge(from, walked.join(), dkim.join(), spf.join(),
                            id -> walks.get(normalise(id)).join().organisationalDomain().domain()));
        });
    }

    private static String normalise(String domain) {
        return domain.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    }

    private static DmarcVerdict judge(String from, DmarcTreeWalk.Walk w, List<DkimVerdict> dkim, Optional<SpfEvaluation> spf,
                                      java.util.function.Function<String, String> orgOf) {
        String spfDomain = spf.map(SpfEvaluation::domain).orElse("").toLowerCase(Locale.ROOT);
        if (w.failure().isPresent()) {
            return new DmarcVerdict("temperror", "lookup-failed", from, w.failure().get().domain(), "", false, List.of(), false, spfDomain, false);
        }
        Optional<DmarcTreeWalk.Level> source = w.considered().stream().filter(l -> l.record().isPresent()).findFirst();
        if (source.isEmpty()) {
            return new DmarcVerdict("none", "no-policy", from, "", "", false, List.of(), false, spfDomain, false);
        }
        DmarcRecord record = source.get().record().get();
        boolean own = source.get().domain().equals(from);
        String org = w.organisationalDomain().domain();
        DmarcRecord.Policy policy = own ? record.effectivePolicy() : record.effectiveSubdomainPolicy();
        boolean strictDkim = record.adkim().filter(a -> a == DmarcRecord.Alignment.STRICT).isPresent();
        boolean strictSpf = record.aspf().filter(a -> a == DmarcRecord.Alignment.STRICT).isPresent();
        List<String> dkimAligned = new ArrayList<>();
        boolean passingUnaligned = false;
        for (DkimVerdict d : dkim) {
            if (d.passed()) {
                if (aligned(d.domain(), from, org, orgOf, strictDkim)) {
                    dkimAligned.add(d.domain());
                } else {
                    passingUnaligned = true;
                }
            }
        }
        boolean spfPass = spf.map(s -> s.result() == SpfResult.PASS).orElse(false);
        boolean spfAligned = spfPass && aligned(spfDomain, from, org, orgOf, strictSpf);
        passingUnaligned |= spfPass && !spfAligned;
        boolean pass = !dkimAligned.isEmpty() || spfAligned;
        String reason = !dkimAligned.isEmpty() ? "dkim-aligned" : spfAligned ? "spf-aligned" : "unaligned";
        return new DmarcVerdict(pass ? "pass" : "fail", reason, from, source.get().domain(), policy.id(), record.testing(),
                dkimAligned, spfAligned, spfDomain, !pass && passingUnaligned);
    }

    /**
     * RFC 9989 4.4: strict, the very same name; relaxed, the identifier's organisational domain (its
     * own DNS tree walk) is the author's. A walk is needed for each: a name under the author's
     * organisational domain whose branch publishes {@code psd=n} is an organisation of its own.
     */
    static boolean aligned(String id, String from, String fromOrg, java.util.function.Function<String, String> orgOf, boolean strict) {
        String d = normalise(id);
        if (d.isEmpty()) {
            return false;
        }
        if (d.equals(from) || strict) {
            return d.equals(from);
        }
        return orgOf.apply(d).equals(fromOrg);
    }
}
