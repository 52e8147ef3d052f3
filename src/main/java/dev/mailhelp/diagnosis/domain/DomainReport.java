package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.dkim.DkimPart;
import dev.mailhelp.diagnosis.dmarc.DmarcPart;
import dev.mailhelp.diagnosis.mtasts.MtaStsPart;
import dev.mailhelp.diagnosis.mtasts.PolicyFetcher;
import dev.mailhelp.diagnosis.mtasts.TlsRptPart;
import dev.mailhelp.diagnosis.mx.MailExchange;
import dev.mailhelp.diagnosis.mx.MxPart;
import dev.mailhelp.diagnosis.mx.MxResult;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.diagnosis.ptr.PtrPart;
import dev.mailhelp.diagnosis.ptr.SendingAddress;
import dev.mailhelp.dns.DnsClient;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The whole domain check: every part starts at once and each dependent lookup starts as soon as
 * what it needs is known, so the wall time follows the longest chain of dependent lookups, not the
 * number of lookups. Progress is reported as each part finishes; a part that does not finish by
 * the deadline is reported as "could not check" and the rest is still shown.
 */
public final class DomainReport {

    /** Longer than the longest chain of DNS timeouts and retries plus the policy fetch, short enough for a chat user. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(25);
    /** Reverse DNS of the MX hosts: a few addresses tell the story; large providers have dozens. */
    private static final int MAX_MX_ADDRESSES = 4;

    private final MxPart mx;
    private final DmarcPart dmarc;
    private final DkimPart dkim;
    private final PtrPart ptr;
    private final MtaStsPart mtaSts;
    private final TlsRptPart tlsRpt;
    private final DomainPart spf;
    private final Optional<DomainPart> blocklist;
    private final Duration deadline;

    /**
     * @param spf       the SPF part, e.g. {@code spfCheck::check}
     * @param blocklist the domain blocklist part, if configured
     */
    public DomainReport(DnsClient dns, MailProviders providers, PolicyFetcher policyFetcher, DomainPart spf,
                        Optional<DomainPart> blocklist, Duration deadline) {
        this.mx = new MxPart(dns, providers);
        this.dmarc = new DmarcPart(dns);
        this.dkim = new DkimPart(dns, providers);
        this.ptr = new PtrPart(dns);
        this.mtaSts = new MtaStsPart(dns, policyFetcher);
        this.tlsRpt = new TlsRptPart(dns);
        this.spf = spf;
        this.blocklist = blocklist;
        this.deadline = deadline;
    }

    /**
     * Production wiring: MTA-STS policies fetched over HTTPS from public addresses only, with the
     * JDK's trusted certificate authorities; the default deadline.
     */
    public static DomainReport standard(DnsClient dns, MailProviders providers, DomainPart spf, Optional<DomainPart> blocklist) {
        return standard(dns, providers, spf, blocklist, false);
    }

    /** As above; {@code allowPrivate} (MAILHELP_ALLOW_PRIVATE) lets the MTA-STS fetch reach private addresses. */
    public static DomainReport standard(DnsClient dns, MailProviders providers, DomainPart spf, Optional<DomainPart> blocklist,
                                        boolean allowPrivate) {
        return new DomainReport(dns, providers, dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher.standard(dns, allowPrivate),
                spf, blocklist, DEFAULT_DEADLINE);
    }

    /** How long {@link #run} waits for a part before reporting it as not checked. */
    public Duration deadline() {
        return deadline;
    }

    public CompletableFuture<Report> run(DomainRequest request, ProgressListener progress) {
        return check(request, progress).thenApply(DomainResult::report);
    }

    /** The report and what the conversation can keep from it (the provider recognised from the MX hosts). */
    public record DomainResult(Report report, Optional<KnownProvider> provider) {
    }

    public CompletableFuture<DomainResult> check(DomainRequest request, ProgressListener progress) {
        long start = System.nanoTime();
        String domain = request.domain().ascii();
        Map<String, CompletableFuture<List<Finding>>> parts = new LinkedHashMap<>();
        int total = 8 + (blocklist.isPresent() ? 1 : 0);
        AtomicInteger done = new AtomicInteger();

        CompletableFuture<MxResult> mxResult = guard(() -> mx.check(domain),
                e -> new MxResult(List.of(internal("mx", domain, e)), List.of(), Optional.empty(), false, true))
                .completeOnTimeout(new MxResult(List.of(timedOut("mx", domain)), List.of(), Optional.empty(), false, true),
                        deadline.toMillis(), TimeUnit.MILLISECONDS);
        parts.put("mx", mxResult.thenApply(MxResult::findings));
        parts.put("spf", part("spf", domain, () -> spf.check(domain)));
        parts.put("dmarc", part("dmarc", domain, () -> dmarc.check(domain)));
        parts.put("dkim", part("dkim", domain, () -> dkim.check(domain, request.selectors())));
        boolean ptrOfSenders = !request.sendingIps().isEmpty();
        parts.put("ptr", part("ptr", domain, () -> ptrPart(request, mxResult)));
        parts.put("mta-sts", part("mta-sts", domain, () -> mtaSts.check(domain, mxResult)));
        parts.put("tls-rpt", part("tls-rpt", domain, () -> tlsRpt.check(domain)));
        blocklist.ifPresent(b -> parts.put("blocklist", part("blocklist", domain, () -> b.check(domain))));

        // The verdict waits for the progress calls too, so it is always reported last.
        List<CompletableFuture<Void>> reported = new ArrayList<>();
        parts.forEach((name, future) -> reported.add(future.thenAccept(findings ->
                tell(progress, name, done.incrementAndGet(), total, findings))));

        return CompletableFuture.allOf(reported.toArray(new CompletableFuture[0])).thenApply(v -> {
            List<Finding> all = new ArrayList<>();
            parts.values().forEach(f -> all.addAll(f.join()));
            Finding verdict = BulkSenderVerdict.judge(domain, all, ptrOfSenders);
            // every family failing for one cause (the resolver): one finding, the cause and the remedy once
            List<Finding> grouped = new ArrayList<>(dev.mailhelp.diagnosis.dnsdata.ResolverFailure.group(domain, all));
            all.clear();
            all.addAll(grouped);
            all.add(verdict);
            tell(progress, BulkSenderVerdict.CHECK, done.incrementAndGet(), total, List.of(verdict));
            Report report = new Report(request.domain().display(), all, (System.nanoTime() - start) / 1_000_000);
            return new DomainResult(report, mxResult.join().provider());
        });
    }

    /** A front end's listener must not be able to break the report. */
    private static void tell(ProgressListener progress, String part, int done, int total, List<Finding> findings) {
        try {
            progress.partDone(part, done, total, findings);
        } catch (RuntimeException e) {
            // Progress is a courtesy; the report still completes.
        }
    }

    private CompletableFuture<List<Finding>> ptrPart(DomainRequest request, CompletableFuture<MxResult> mxResult) {
        if (!request.sendingIps().isEmpty()) {
            List<SendingAddress> addresses = new ArrayList<>();
            for (InetAddress ip : request.sendingIps()) {
                addresses.add(new SendingAddress(ip, "", true));
            }
            return ptr.check(addresses);
        }
        return mxResult.thenCompose(r -> {
            List<SendingAddress> addresses = new ArrayList<>();
            for (MailExchange e : r.exchanges()) {
                for (InetAddress ip : e.addresses()) {
                    if (addresses.size() < MAX_MX_ADDRESSES) {
                        addresses.add(new SendingAddress(ip, e.host(), false));
                    }
                }
            }
            if (addresses.isEmpty()) {
                return CompletableFuture.completedFuture(List.of(Finding.of(PtrPart.CHECK,
                        dev.mailhelp.diagnosis.Severity.INFO, "ptr.not-checked").withArticle(PtrPart.ARTICLE)));
            }
            return ptr.check(addresses);
        });
    }

    private CompletableFuture<List<Finding>> part(String name, String domain,
                                                  Supplier<CompletionStage<List<Finding>>> start) {
        return guard(start, e -> List.of(internal(name, domain, e)))
                .completeOnTimeout(List.of(timedOut(name, domain)), deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a part so that neither a thrown exception nor an exceptional stage escapes. */
    private static <T> CompletableFuture<T> guard(Supplier<? extends CompletionStage<T>> start,
                                                  java.util.function.Function<Throwable, T> failed) {
        try {
            return start.get().toCompletableFuture().handle((r, e) -> e == null ? r : failed.apply(e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed.apply(e));
        }
    }

    /**
     * A part that failed with an exception: its could-not-check finding with reason {@code failed}
     * (each part's catalogue entry words it); the exception is what was seen, shown as it is.
     */
    private static Finding internal(String part, String domain, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return unfinished(part, domain, "failed", 0).evidence(String.valueOf(cause));
    }

    /** A part that did not finish before the report's deadline: reason {@code unfinished}. */
    private Finding timedOut(String part, String domain) {
        return unfinished(part, domain, "unfinished", deadline.toMillis());
    }

    // The values every part's could-not-check entry may use for these two reasons, so each entry
    // can word them in its own terms (PTR names the address, the blocklists their targets).
    private static Finding unfinished(String part, String domain, String reason, long ms) {
        return Finding.of(part, dev.mailhelp.diagnosis.Severity.ERROR, part + ".could-not-check").with("reason", reason)
                .with("domain", domain).with("ip", domain).with("targets", domain).with("ms", ms)
                .with("count", 0).with("names", "").with("answered", 0).with("asked", 0);
    }
}
