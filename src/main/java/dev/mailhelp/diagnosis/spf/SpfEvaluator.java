package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import com.google.common.net.InetAddresses;
import dev.mailhelp.config.DurationText;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * RFC 7208 {@code check_host()} on the asynchronous {@link DnsClient}.
 *
 * <p>Terms are evaluated strictly in RFC order, one after another, and only that evaluation
 * counts DNS lookups and void lookups, so results and limits are exactly those of a sequential
 * implementation. Independently, as soon as a record is read, the lookups its terms will need
 * (records of include/redirect targets, a/mx/exists names, MX exchanges) are started
 * speculatively; the ordered evaluation then finds them answered or in flight. Each
 * evaluation asks each question at most once, so both paths see the same answer. Wall time
 * then follows the include depth rather than the number of lookups.
 */
public final class SpfEvaluator {

    private final DnsClient dns;
    private final SpfSettings settings;
    private final MacroString defaultExplanation;

    public SpfEvaluator(DnsClient dns) {
        this(dns, SpfSettings.defaults());
    }

    public SpfEvaluator(DnsClient dns, SpfSettings settings) {
        this.dns = dns;
        this.settings = settings;
        MacroString parsed;
        try {
            parsed = MacroString.explanation(settings.defaultExplanation());
        } catch (SpfSyntaxException e) {
            parsed = new MacroString(settings.defaultExplanation(),
                    List.of(new MacroString.Literal(settings.defaultExplanation())), true);
        }
        this.defaultExplanation = parsed;
    }

    /**
     * Checks a connection the way a receiver does (RFC 7208 2.3, 2.4): the MAIL FROM identity, or,
     * when the sender is empty (a bounce), the HELO identity as postmaster@helo.
     */
    public CompletableFuture<SpfEvaluation> evaluate(InetAddress ip, String mailFrom, String helo) {
        return evaluate(ip, mailFrom, helo, NO_DEADLINE);
    }

    private CompletableFuture<SpfEvaluation> evaluate(InetAddress ip, String mailFrom, String helo, long deadline) {
        String sender = mailFrom == null ? "" : mailFrom.trim();
        if (sender.startsWith("<") && sender.endsWith(">")) {
            sender = sender.substring(1, sender.length() - 1);
        }
        String heloName = helo == null ? "" : helo.trim();
        if (sender.isEmpty()) {
            return checkHost(ip, heloName, "postmaster@" + heloName, heloName, deadline);
        }
        int at = sender.lastIndexOf('@');
        return checkHost(ip, at < 0 ? sender : sender.substring(at + 1), sender, heloName, deadline);
    }

    /**
     * {@link #evaluate(InetAddress, String, String)} within a time budget (RFC 7208 4.6.4). When the
     * result is not known by then it is temperror; when it is known and only the explanation of a
     * {@code fail} is still being fetched, the result stands with the default explanation (6.2).
     */
    public CompletableFuture<SpfEvaluation> evaluate(InetAddress ip, String mailFrom, String helo, Duration budget) {
        return within(budget, deadline -> evaluate(ip, mailFrom, helo, deadline), mailFrom);
    }

    /** {@link #checkHost(InetAddress, String, String, String)} within a time budget, as above. */
    public CompletableFuture<SpfEvaluation> checkHost(InetAddress ip, String domain, String sender, String helo,
                                                      Duration budget) {
        return within(budget, deadline -> checkHost(ip, domain, sender, helo, deadline), domain);
    }

    private static CompletableFuture<SpfEvaluation> within(Duration budget,
                                                           LongFunction<CompletableFuture<SpfEvaluation>> run,
                                                           String what) {
        if (budget == null || budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("the SPF time budget must be positive, got " + budget); // a caller's bug
        }
        return run.apply(System.nanoTime() + budget.toNanos()).completeOnTimeout(new SpfEvaluation(SpfResult.TEMPERROR,
                "", false, why("timeout").with("seconds", DurationText.seconds(budget).replace(" s", "")), what, 0, 0, 0), budget.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** "No budget": the evaluation runs until its lookups end (each of which has its own timeout). */
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    /** {@code check_host(ip, domain, sender)} of RFC 7208 section 4. */
    public CompletableFuture<SpfEvaluation> checkHost(InetAddress ip, String domain, String sender, String helo) {
        return checkHost(ip, domain, sender, helo, NO_DEADLINE);
    }

    private CompletableFuture<SpfEvaluation> checkHost(InetAddress ip, String domain, String sender, String helo,
                                                       long deadline) {
        InetAddress client = unmapped(ip);
        int at = sender.lastIndexOf('@');
        String local = at <= 0 ? "postmaster" : sender.substring(0, at);
        String senderDomain = at < 0 ? sender : sender.substring(at + 1);
        boolean v4 = client instanceof Inet4Address;
        MacroValues values = new MacroValues(local + "@" + senderDomain, local, senderDomain, domain,
                dottedIp(client), null, v4 ? "in-addr" : "ip6", helo, InetAddresses.toAddrString(client),
                settings.receiver(), System.currentTimeMillis() / 1000);
        if (!DomainNames.isCheckable(domain)) {
            return CompletableFuture.completedFuture(new SpfEvaluation(SpfResult.NONE, "", false,
                    why("not-fqdn").with("domain", domain), domain, 0, 0, 0));
        }
        Run run = new Run(client, values, deadline);
        String start = DomainNames.finish(domain);
        return guarded(() -> run.checkHost(start, true)).handle((step, error) -> {
            run.finished = true;
            if (error == null) {
                return run.evaluation(step.result(), step.explanation(), step.reason(), domain);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof Abort) {
                return run.evaluation(((Abort) cause).result, Explained.NONE, ((Abort) cause).reason, domain);
            }
            return run.evaluation(SpfResult.TEMPERROR, Explained.NONE, unexpected(cause), domain);
        });
    }

    private static InetAddress unmapped(InetAddress ip) {
        byte[] b = ip.getAddress();
        if (b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ip;
    }

    /** The %{i} form: a dotted quad, or 32 dot-separated upper-case nibbles for IPv6 (RFC 7208 7.3). */
    static String dottedIp(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        StringBuilder out = new StringBuilder();
        for (byte b : ip.getAddress()) {
            out.append(String.format(Locale.ROOT, "%X.%X.", (b >> 4) & 0xf, b & 0xf));
        }
        return out.substring(0, out.length() - 1);
    }

    private static <T> CompletableFuture<T> guarded(Supplier<CompletableFuture<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Ends an evaluation with permerror or temperror; thrown inside the future chain. */
    private static final class Abort extends RuntimeException {
        private final SpfResult result;

        private final Phrase reason;

        Abort(SpfResult result, Phrase reason) {
            super(reason.toString(), null, false, false);
            this.result = result;
            this.reason = reason;
        }
    }

    private record Step(SpfResult result, Explained explanation, Phrase reason) { }

    /** The explanation of a fail: the domain's own exp= text (published) or the default one. */
    private record Explained(String text, boolean published) {
        static final Explained NONE = new Explained("", false);
    }

    /** A reason of the {@code spf-result.*} block of the catalogue. */
    private static Phrase why(String kind) {
        return Phrase.of("spf-result." + kind);
    }

    /** A bug or a broken resolver: the cause's own words, never its class name. */
    private static Phrase unexpected(Throwable cause) {
        return why("unexpected").with("detail", String.valueOf(cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName()));
    }

    /** A failed lookup as {@code spf-result.lookup-failed}: the question and why, in the catalogue's words. */
    private static Phrase lookupFailed(DnsResult.Failure f) {
        return why("lookup-failed").with("type", Type.string(f.type())).with("name", DomainNames.text(f.name()))
                .with("failure", LookupText.failure(f.kind()));
    }

    private record Question(Name name, int type) { }

    /** A TXT lookup turned into the one SPF record, or the result that replaces it. */
    private record Fetched(SpfRecord record, SpfResult problem, Phrase reason) { }

    /** The state of one evaluation: counters, and every question asked (so each is asked once). */
    private final class Run {
        private final InetAddress ip;
        private final boolean v4;
        private final MacroValues values;
        private final AtomicInteger lookups = new AtomicInteger();
        private final AtomicInteger voids = new AtomicInteger();
        private final AtomicInteger queries = new AtomicInteger();
        private final AtomicInteger speculative = new AtomicInteger();
        private final Map<Question, CompletableFuture<DnsResult>> answers = new ConcurrentHashMap<>();
        private final Map<Name, CompletableFuture<Fetched>> records = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<String>> validatedNames = new ConcurrentHashMap<>();
        private volatile boolean finished;
        /** System.nanoTime() by which the whole evaluation must be over; Long.MAX_VALUE for no budget. */
        private final long deadline;

        Run(InetAddress ip, MacroValues values, long deadline) {
            this.deadline = deadline;
            this.ip = ip;
            this.v4 = ip instanceof Inet4Address;
            this.values = values;
        }

        SpfEvaluation evaluation(SpfResult result, Explained explanation, Phrase reason, String domain) {
            return new SpfEvaluation(result, explanation.text(), explanation.published(), reason, domain, lookups.get(),
                    voids.get(), queries.get());
        }

        private int addressType() {
            return v4 ? Type.A : Type.AAAA;
        }

        // ---- DNS, each question once per evaluation ----

        CompletableFuture<DnsResult> ask(Name name, int type) {
            Question q = new Question(name, type);
            CompletableFuture<DnsResult> existing = answers.get(q);
            if (existing != null) {
                return existing;
            }
            CompletableFuture<DnsResult> fresh = new CompletableFuture<>();
            existing = answers.putIfAbsent(q, fresh);
            if (existing != null) {
                return existing;
            }
            queries.incrementAndGet();
            CompletableFuture<DnsResult> sent;
            try {
                sent = dns.query(name, type);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((r, t) -> fresh.complete(r != null ? r
                    : new DnsResult.Failure(name, type, DnsResult.FailureKind.OTHER, String.valueOf(t))));
            return fresh;
        }

        /** A speculative question: skipped once the evaluation is over or the budget is spent. */
        private void speculate(Name name, int type, Consumer<DnsResult> then) {
            if (finished || name == null) {
                return;
            }
            CompletableFuture<DnsResult> known = answers.get(new Question(name, type));
            if (known == null) {
                if (speculative.incrementAndGet() > settings.prefetchBudget()) {
                    return;
                }
                known = ask(name, type);
            }
            if (then != null) {
                known.thenAccept(r -> {
                    if (!finished) {
                        then.accept(r);
                    }
                });
            }
        }

        CompletableFuture<Fetched> record(Name name) {
            CompletableFuture<Fetched> existing = records.get(name);
            if (existing != null) {
                return existing;
            }
            CompletableFuture<Fetched> fresh = new CompletableFuture<>();
            existing = records.putIfAbsent(name, fresh);
            if (existing != null) {
                return existing;
            }
            ask(name, Type.TXT).thenApply(r -> select(name, r)).whenComplete((f, t) -> {
                if (t != null) {
                    fresh.complete(new Fetched(null, SpfResult.TEMPERROR, unexpected(t)));
                } else {
                    fresh.complete(f);
                }
            });
            return fresh;
        }

        private Fetched select(Name name, DnsResult result) {
            String where = DomainNames.text(name);
            if (result instanceof DnsResult.Failure) {
                DnsResult.Failure f = (DnsResult.Failure) result;
                return new Fetched(null, SpfResult.TEMPERROR, lookupFailed(f));
            }
            if (!(result instanceof DnsResult.Answer)) {
                return new Fetched(null, SpfResult.NONE, why("no-txt").with("domain", where)
                        .with("nxdomain", result instanceof DnsResult.NxDomain ? "yes" : "no"));
            }
            List<String> spf = new ArrayList<>();
            for (Record r : ((DnsResult.Answer) result).records()) {
                if (r instanceof TXTRecord) {
                    String text = TxtStrings.joined((TXTRecord) r, StandardCharsets.ISO_8859_1);
                    if (SpfRecord.isSpf1(text)) {
                        spf.add(text);
                    }
                }
            }
            if (spf.isEmpty()) {
                return new Fetched(null, SpfResult.NONE, why("no-spf").with("domain", where));
            }
            if (spf.size() > 1) {
                return new Fetched(null, SpfResult.PERMERROR, why("several").with("domain", where).with("count", spf.size()));
            }
            try {
                return new Fetched(SpfRecord.parse(spf.get(0)), null, null);
            } catch (SpfSyntaxException e) {
                return new Fetched(null, SpfResult.PERMERROR, why("syntax").with("domain", where)
                        .with("position", String.valueOf(e.position() + 1)).with("problem", e.problem()));
            }
        }

        // ---- limits, counted only by the RFC-order evaluation ----

        private void countLookup(String term) {
            if (lookups.incrementAndGet() > settings.maxLookups()) {
                throw new Abort(SpfResult.PERMERROR, why("too-many-lookups").with("limit", settings.maxLookups())
                        .with("term", term));
            }
        }

        private void countVoid(Phrase what) {
            if (voids.incrementAndGet() > settings.maxVoidLookups()) {
                throw new Abort(SpfResult.PERMERROR, why("too-many-void").with("limit", settings.maxVoidLookups())
                        .with("what", what));
            }
        }

        private static Abort temperror(String term, DnsResult result) {
            DnsResult.Failure f = (DnsResult.Failure) result;
            return new Abort(SpfResult.TEMPERROR, why("term-failed").with("term", term).with("lookup", lookupFailed(f)));
        }

        // ---- check_host ----

        CompletableFuture<Step> checkHost(String domain, boolean wantExplanation) {
            Name name = DomainNames.toName(domain);
            if (name == null) {
                return CompletableFuture.completedFuture(new Step(SpfResult.NONE, Explained.NONE,
                        why("not-a-name").with("domain", domain)));
            }
            return record(name).thenCompose(f -> {
                if (f.problem() == SpfResult.NONE) {
                    return CompletableFuture.completedFuture(new Step(SpfResult.NONE, Explained.NONE, f.reason()));
                }
                if (f.problem() != null) {
                    throw new Abort(f.problem(), f.reason());
                }
                prefetch(f.record(), domain, 0);
                return terms(f.record(), domain, 0, wantExplanation);
            });
        }

        private CompletableFuture<Step> terms(SpfRecord rec, String domain, int index, boolean wantExplanation) {
            if (index >= rec.mechanisms().size()) {
                return afterMechanisms(rec, domain, wantExplanation);
            }
            Mechanism m = rec.mechanisms().get(index);
            return guarded(() -> matches(m, domain)).thenCompose(hit -> hit
                    ? matched(rec, domain, m, wantExplanation)
                    : terms(rec, domain, index + 1, wantExplanation));
        }

        private CompletableFuture<Step> matched(SpfRecord rec, String domain, Mechanism m, boolean wantExplanation) {
            SpfResult result = m.qualifier().result();
            Phrase reason = why("matched").with("term", m.text()).with("domain", domain);
            if (result != SpfResult.FAIL || !wantExplanation) {
                return CompletableFuture.completedFuture(new Step(result, Explained.NONE, reason));
            }
            return boundedExplanation(rec, domain).thenApply(text -> new Step(result, text, reason));
        }

        /**
         * The result is decided: the explanation gets what is left of the budget, never more than
         * {@link SpfSettings#explanationCap()}, and when it is not there by then the default text
         * stands (RFC 7208 6.2: any problem with exp= means the default, the result unchanged).
         */
        private CompletableFuture<Explained> boundedExplanation(SpfRecord rec, String domain) {
            long capNanos = settings.explanationCap().toNanos();
            long wait = capNanos;
            if (deadline != NO_DEADLINE) {
                long left = deadline - System.nanoTime() - settings.explanationReserve().toNanos();
                wait = Math.max(0, Math.min(capNanos, left));
            }
            Explained quick = new Explained(fallbackWithoutLookups(domain), false);
            if (wait == 0) {
                return CompletableFuture.completedFuture(quick);
            }
            return explain(rec, domain).completeOnTimeout(quick, wait, TimeUnit.NANOSECONDS);
        }

        /** The default explanation with %{p} as "unknown": what is given when no lookup may be waited for. */
        private String fallbackWithoutLookups(String domain) {
            try {
                return defaultExplanation.expand(valuesFor(domain).withValidated("unknown"));
            } catch (RuntimeException e) {
                return settings.defaultExplanation();
            }
        }

        private CompletableFuture<Step> afterMechanisms(SpfRecord rec, String domain, boolean wantExplanation) {
            if (rec.redirect() == null) {
                return CompletableFuture.completedFuture(new Step(SpfResult.NEUTRAL, Explained.NONE,
                        why("no-match").with("domain", domain)));
            }
            Modifier redirect = rec.redirect();
            countLookup(redirect.text());
            return target(redirect.value(), domain).thenCompose(t -> checkHost(t, wantExplanation)).thenApply(step -> {
                if (step.result() == SpfResult.NONE) {
                    throw new Abort(SpfResult.PERMERROR, why("redirect-none").with("term", redirect.text())
                            .with("why", step.reason()));
                }
                return step;
            });
        }

        private CompletableFuture<Boolean> matches(Mechanism m, String domain) {
            switch (m.kind()) {
                case ALL:
                    return CompletableFuture.completedFuture(true);
                case IP4:
                case IP6:
                    return CompletableFuture.completedFuture(m.network().contains(ip));
                case INCLUDE:
                    countLookup(m.text());
                    return target(m.domain(), domain).thenCompose(t -> checkHost(t, false)).thenApply(step -> {
                        switch (step.result()) {
                            case PASS:
                                return true;
                            case FAIL:
                            case SOFTFAIL:
                            case NEUTRAL:
                                return false;
                            default:
                                throw new Abort(SpfResult.PERMERROR, why("include-none").with("term", m.text())
                                        .with("why", step.reason()));
                        }
                    });
                case A:
                    countLookup(m.text());
                    return target(m.domain(), domain).thenCompose(t -> addressMatch(m, t));
                case MX:
                    countLookup(m.text());
                    return target(m.domain(), domain).thenCompose(t -> mx(m, t));
                case PTR:
                    countLookup(m.text());
                    return target(m.domain(), domain).thenCompose(t -> ptr(m, t));
                case EXISTS:
                    countLookup(m.text());
                    return target(m.domain(), domain).thenCompose(t -> exists(m, t));
                default:
                    throw new IllegalStateException(m.kind().toString());
            }
        }

        private CompletableFuture<Boolean> addressMatch(Mechanism m, String target) {
            Name name = DomainNames.toName(target);
            if (name == null) {
                countVoid(why("void.not-a-name").with("target", target));
                return CompletableFuture.completedFuture(false);
            }
            return ask(name, addressType()).thenApply(r -> {
                if (r instanceof DnsResult.Failure) {
                    throw temperror(m.text(), r);
                }
                if (r.isEmpty()) {
                    countVoid(why("void.empty").with("term", m.text()).with("target", target));
                    return false;
                }
                return inNetwork(((DnsResult.Answer) r).records(), m);
            });
        }

        private boolean inNetwork(List<Record> records, Mechanism m) {
            for (Record rr : records) {
                InetAddress address = address(rr);
                if (address != null && IpNetwork.of(address, v4 ? m.cidr4() : m.cidr6()).contains(ip)) {
                    return true;
                }
            }
            return false;
        }

        private CompletableFuture<Boolean> mx(Mechanism m, String target) {
            Name name = DomainNames.toName(target);
            if (name == null) {
                countVoid(why("void.not-a-name").with("target", target));
                return CompletableFuture.completedFuture(false);
            }
            return ask(name, Type.MX).thenCompose(r -> {
                if (r instanceof DnsResult.Failure) {
                    throw temperror(m.text(), r);
                }
                if (r.isEmpty()) {
                    countVoid(why("void.empty").with("term", m.text()).with("target", target));
                    return CompletableFuture.completedFuture(false);
                }
                List<Name> exchanges = exchanges((DnsResult.Answer) r);
                if (exchanges.size() > settings.maxMxNames()) {
                    throw new Abort(SpfResult.PERMERROR, why("mx-limit").with("term", m.text()).with("target", target)
                            .with("count", exchanges.size()).with("limit", settings.maxMxNames()));
                }
                List<CompletableFuture<DnsResult>> lookups = new ArrayList<>();
                for (Name exchange : exchanges) {
                    lookups.add(ask(exchange, addressType()));
                }
                return firstMatch(lookups, 0, r2 -> {
                    if (r2 instanceof DnsResult.Failure) {
                        throw temperror(m.text(), r2);
                    }
                    return r2 instanceof DnsResult.Answer && inNetwork(((DnsResult.Answer) r2).records(), m);
                });
            });
        }

        private List<Name> exchanges(DnsResult.Answer answer) {
            List<Name> out = new ArrayList<>();
            for (Record rr : answer.records()) {
                if (rr instanceof MXRecord && !((MXRecord) rr).getTarget().equals(Name.root)) {
                    out.add(((MXRecord) rr).getTarget());
                }
            }
            return out;
        }

        /** Consumes answers in order, so errors and matches are seen as a sequential evaluator sees them. */
        private CompletableFuture<Boolean> firstMatch(List<CompletableFuture<DnsResult>> answers, int index,
                                                      java.util.function.Function<DnsResult, Boolean> test) {
            if (index >= answers.size()) {
                return CompletableFuture.completedFuture(false);
            }
            return answers.get(index).thenCompose(r -> test.apply(r)
                    ? CompletableFuture.completedFuture(true)
                    : firstMatch(answers, index + 1, test));
        }

        private CompletableFuture<Boolean> ptr(Mechanism m, String target) {
            return ptrNames().thenCompose(names -> {
                if (names == null) {
                    // RFC 7208 5.5: a DNS error on the PTR lookup makes the mechanism not match
                    return CompletableFuture.completedFuture(false);
                }
                if (names.isEmpty()) {
                    countVoid(why("void.no-ptr").with("term", m.text()).with("ip", InetAddresses.toAddrString(ip)));
                    return CompletableFuture.completedFuture(false);
                }
                // only names at or under the target can make ptr match, so only they are validated
                List<CompletableFuture<DnsResult>> lookups = new ArrayList<>();
                for (Name n : names) {
                    if (isAtOrUnder(DomainNames.text(n), target)) {
                        lookups.add(ask(n, addressType()));
                    }
                }
                return firstMatch(lookups, 0, this::confirms);
            });
        }

        /** The first 10 PTR names of the client IP; null on a DNS error, empty when there are none. */
        private CompletableFuture<List<Name>> ptrNames() {
            return ask(ReverseMap.fromAddress(ip), Type.PTR).thenApply(r -> {
                if (r instanceof DnsResult.Failure) {
                    return null;
                }
                List<Name> names = new ArrayList<>();
                if (r instanceof DnsResult.Answer) {
                    for (Record rr : ((DnsResult.Answer) r).records()) {
                        if (rr instanceof PTRRecord && names.size() < settings.maxPtrNames()) {
                            names.add(((PTRRecord) rr).getTarget());
                        }
                    }
                }
                return names;
            });
        }

        private boolean confirms(DnsResult r) {
            if (r instanceof DnsResult.Answer) {
                for (Record rr : ((DnsResult.Answer) r).records()) {
                    if (ip.equals(address(rr))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private CompletableFuture<Boolean> exists(Mechanism m, String target) {
            Name name = DomainNames.toName(target);
            if (name == null) {
                countVoid(why("void.not-a-name").with("target", target));
                return CompletableFuture.completedFuture(false);
            }
            // RFC 7208 5.7: always an A query, even for an IPv6 client
            return ask(name, Type.A).thenApply(r -> {
                if (r instanceof DnsResult.Failure) {
                    throw temperror(m.text(), r);
                }
                if (r.isEmpty()) {
                    countVoid(why("void.empty").with("term", m.text()).with("target", target));
                    return false;
                }
                return true;
            });
        }

        // ---- macros ----

        private MacroValues valuesFor(String domain) {
            return values.withDomain(domain);
        }

        /** The target name of a term: its expanded domain-spec, or the current domain. */
        private CompletableFuture<String> target(MacroString spec, String domain) {
            if (spec == null) {
                return CompletableFuture.completedFuture(domain);
            }
            if (spec.uses('p')) {
                return validatedName(domain).thenApply(p ->
                        DomainNames.finish(spec.expand(valuesFor(domain).withValidated(p))));
            }
            return CompletableFuture.completedFuture(DomainNames.finish(spec.expand(valuesFor(domain))));
        }

        /** The %{p} value (RFC 7208 7.3): a PTR name of the IP that resolves back to it, or "unknown". */
        private CompletableFuture<String> validatedName(String domain) {
            return validatedNames.computeIfAbsent(domain.toLowerCase(Locale.ROOT), d -> ptrNames().thenCompose(names -> {
                if (names == null || names.isEmpty()) {
                    return CompletableFuture.completedFuture("unknown");
                }
                List<CompletableFuture<DnsResult>> lookups = new ArrayList<>();
                for (Name n : names) {
                    lookups.add(ask(n, addressType()));
                }
                return CompletableFuture.allOf(lookups.toArray(new CompletableFuture[0])).thenApply(x -> {
                    List<String> valid = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        if (confirms(lookups.get(i).join())) {
                            valid.add(DomainNames.text(names.get(i)));
                        }
                    }
                    return valid.stream().filter(v -> v.equalsIgnoreCase(d)).findFirst()
                            .or(() -> valid.stream().filter(v -> isAtOrUnder(v, d)).findFirst())
                            .or(() -> valid.stream().findFirst())
                            .orElse("unknown");
                });
            }));
        }

        private CompletableFuture<Explained> explain(SpfRecord rec, String domain) {
            CompletableFuture<Explained> fallback = defaultText(domain).thenApply(t -> new Explained(t, false));
            if (rec.explanation() == null) {
                return fallback;
            }
            return target(rec.explanation().value(), domain).thenCompose(t -> {
                Name name = DomainNames.toName(t);
                if (name == null) {
                    return fallback;
                }
                // RFC 7208 6.2: the exp lookup counts toward no limit; any problem means the default text
                return ask(name, Type.TXT).thenCompose(r -> {
                    if (!(r instanceof DnsResult.Answer)) {
                        return fallback;
                    }
                    List<Record> txt = ((DnsResult.Answer) r).records().stream()
                            .filter(rr -> rr instanceof TXTRecord).toList();
                    if (txt.size() != 1) {
                        return fallback;
                    }
                    MacroString text;
                    try {
                        text = MacroString.explanation(TxtStrings.joined((TXTRecord) txt.get(0), StandardCharsets.UTF_8));
                    } catch (SpfSyntaxException e) {
                        return fallback;
                    }
                    return expandText(text, domain).thenApply(x -> new Explained(x, true));
                });
            }).exceptionallyCompose(t -> fallback);
        }

        private CompletableFuture<String> defaultText(String domain) {
            return expandText(defaultExplanation, domain);
        }

        private CompletableFuture<String> expandText(MacroString text, String domain) {
            if (text.uses('p')) {
                return validatedName(domain).thenApply(p -> text.expand(valuesFor(domain).withValidated(p)));
            }
            return CompletableFuture.completedFuture(text.expand(valuesFor(domain)));
        }

        // ---- prefetch: speculative, never counted ----

        private void prefetch(SpfRecord rec, String domain, int depth) {
            if (!settings.prefetch() || finished || depth > settings.maxLookups()) {
                return;
            }
            for (Term term : rec.terms()) {
                if (term instanceof Modifier) {
                    Modifier mod = (Modifier) term;
                    if (mod.name().equals("redirect")) {
                        prefetchRecord(plainTarget(mod.value(), domain), depth);
                    }
                    continue;
                }
                Mechanism m = (Mechanism) term;
                switch (m.kind()) {
                    case INCLUDE -> prefetchRecord(plainTarget(m.domain(), domain), depth);
                    case A -> speculate(DomainNames.toName(plainTarget(m.domain(), domain)), addressType(), null);
                    case EXISTS -> speculate(DomainNames.toName(plainTarget(m.domain(), domain)), Type.A, null);
                    case MX -> speculate(DomainNames.toName(plainTarget(m.domain(), domain)), Type.MX, r -> {
                        if (r instanceof DnsResult.Answer) {
                            List<Name> exchanges = exchanges((DnsResult.Answer) r);
                            if (exchanges.size() <= settings.maxMxNames()) {
                                exchanges.forEach(x -> speculate(x, addressType(), null));
                            }
                        }
                    });
                    default -> { }
                }
            }
        }

        private void prefetchRecord(String target, int depth) {
            Name name = target == null ? null : DomainNames.toName(target);
            if (name == null || finished) {
                return;
            }
            if (!records.containsKey(name)) {
                if (answers.containsKey(new Question(name, Type.TXT))
                        || speculative.incrementAndGet() > settings.prefetchBudget()) {
                    return;
                }
            }
            record(name).thenAccept(f -> {
                if (f.record() != null && !finished) {
                    prefetch(f.record(), target, depth + 1);
                }
            });
        }

        /** The target when it can be known without lookups (no %{p}); null otherwise. */
        private String plainTarget(MacroString spec, String domain) {
            if (spec == null) {
                return domain;
            }
            return spec.uses('p') ? null : DomainNames.finish(spec.expand(valuesFor(domain)));
        }
    }

    static boolean isAtOrUnder(String name, String domain) {
        String n = name.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return n.equals(d) || n.endsWith("." + d);
    }

    private static InetAddress address(Record rr) {
        if (rr instanceof ARecord) {
            return ((ARecord) rr).getAddress();
        }
        if (rr instanceof AAAARecord) {
            return ((AAAARecord) rr).getAddress();
        }
        return null;
    }
}
