package dev.mailhelp.dns;

import dev.mailhelp.dns.DnsResult.FailureKind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * {@link DnsClient} on dnsjava's non-blocking {@link SimpleResolver#sendAsync(Message)}: no thread
 * waits for an answer, so hundreds of questions can be in flight at once.
 *
 * <p>Why not {@code LookupSession}: it reports NXDOMAIN, NODATA and server failures as exceptions
 * and folds SERVFAIL and REFUSED together, and its cache cannot be bounded by entries here; one
 * exchange per question with our own interpretation keeps every outcome distinct.
 *
 * <p>Each exchange (name, type) is: served from the cache while its TTL lasts; otherwise joined to
 * an identical exchange already in flight; otherwise sent, with up to {@code retries} more tries
 * after a timeout or network error. Truncated UDP answers are retried over TCP by
 * {@link SimpleResolver}. CNAMEs are followed, in the answer and by further questions, up to
 * {@link DnsSettings#maxCnameChain()} links; a loop is {@link FailureKind#CNAME_LOOP}, a longer chain {@link FailureKind#OTHER}.
 * Answers are cached for their smallest TTL, NXDOMAIN/NODATA for the SOA's negative TTL
 * (RFC 2308), both capped; failures are not cached, so a later question tries again.
 */
public final class AsyncDnsClient implements DnsClient {

    private final DnsSettings settings;
    private final SimpleResolver resolver;
    private final LongSupplier nanoClock;
    private final Map<Key, CompletableFuture<Hop>> inFlight = new ConcurrentHashMap<>();
    private final LruCache cache;

    public AsyncDnsClient(DnsSettings settings) {
        this(settings, System::nanoTime);
    }

    /** With a clock, so tests can let TTLs run out without waiting. */
    AsyncDnsClient(DnsSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.resolver = new SimpleResolver(settings.server());
        // dnsjava checks its timeouts about once a second; ours (orTimeout in send) is exact, so
        // dnsjava's own is only a backstop that cleans up the abandoned transaction.
        this.resolver.setTimeout(settings.timeout().plusSeconds(2));
        this.cache = new LruCache(settings.cacheMaxEntries());
    }

    public DnsSettings settings() {
        return settings;
    }

    /** How many exchanges are cached now (expired ones may still be counted until touched). */
    public int cachedEntries() {
        return cache.size();
    }

    @Override
    public CompletableFuture<DnsResult> query(Name name, int type) {
        if (name == null || !name.isAbsolute()) {
            return CompletableFuture.completedFuture(new DnsResult.Failure(name == null ? Name.root : name, type,
                    FailureKind.OTHER, "the name must be absolute (end with a dot): " + name));
        }
        if (!Type.isRR(type) && type != Type.ANY) {
            return CompletableFuture.completedFuture(new DnsResult.Failure(name, type, FailureKind.OTHER,
                    "not a record type that can be asked for: " + Type.string(type)));
        }
        Set<Name> visited = new HashSet<>();
        visited.add(name);
        return follow(name, type, name, new ArrayList<>(), visited, Long.MAX_VALUE)
                .exceptionally(e -> new DnsResult.Failure(name, type, FailureKind.OTHER,
                        "unexpected error: " + unwrap(e)));
    }

    /** Asks for {@code current}, continuing with further questions while CNAMEs lead out of the answer. */
    private CompletableFuture<DnsResult> follow(Name asked, int type, Name current, List<Record> chain,
                                                Set<Name> visited, long ttl) {
        return exchange(current, type).thenCompose(hop -> {
            long minTtl = Math.min(ttl, hop.ttlSeconds());
            List<Record> cnames = new ArrayList<>(chain);
            cnames.addAll(hop.cnames());
            switch (hop.kind()) {
                case ANSWER:
                    return done(new DnsResult.Answer(asked, type, hop.records(), minTtl));
                case NXDOMAIN:
                    return done(new DnsResult.NxDomain(asked, type));
                case NODATA:
                    return done(new DnsResult.NoData(asked, type));
                case FAILURE:
                    return done(new DnsResult.Failure(asked, type, hop.failureKind(), hop.detail()));
                case LOOP:
                    return done(loop(asked, type, cnames));
                case CONTINUE:
                default:
                    for (Record r : hop.cnames()) {
                        if (!r.getName().equals(current) && !visited.add(r.getName())) {
                            return done(loop(asked, type, cnames));
                        }
                    }
                    Name next = hop.next();
                    if (!visited.add(next)) {
                        return done(loop(asked, type, cnames));
                    }
                    if (cnames.size() >= settings.maxCnameChain()) {
                        return done(new DnsResult.Failure(asked, type, FailureKind.OTHER,
                                "CNAME chain longer than " + settings.maxCnameChain() + " links: " + describe(cnames)));
                    }
                    return follow(asked, type, next, cnames, visited, minTtl);
            }
        });
    }

    private static DnsResult loop(Name asked, int type, List<Record> cnames) {
        return new DnsResult.Failure(asked, type, FailureKind.CNAME_LOOP, "CNAME loop: " + describe(cnames));
    }

    private static String describe(List<Record> cnames) {
        StringBuilder sb = new StringBuilder();
        for (Record r : cnames) {
            if (sb.length() == 0) {
                sb.append(r.getName());
            }
            sb.append(" -> ").append(((CNAMERecord) r).getTarget());
        }
        return sb.toString();
    }

    private static CompletableFuture<DnsResult> done(DnsResult result) {
        return CompletableFuture.completedFuture(result);
    }

    // ------------------------------------------------------------------ one exchange

    private record Key(Name name, int type) { }

    enum HopKind { ANSWER, NXDOMAIN, NODATA, CONTINUE, LOOP, FAILURE }

    /**
     * What one response says about (name, type): the records, or the name to ask next when the
     * answer's CNAME chain leaves the server's data, or a negative answer, or a failure.
     */
    record Hop(HopKind kind, List<Record> records, List<Record> cnames, Name next, long ttlSeconds,
               FailureKind failureKind, String detail) {

        static Hop failure(FailureKind kind, String detail) {
            return new Hop(HopKind.FAILURE, List.of(), List.of(), null, 0, kind, detail);
        }
    }

    private CompletableFuture<Hop> exchange(Name name, int type) {
        Key key = new Key(name, type);
        Hop cached = cache.get(key, nanoClock.getAsLong());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<Hop> mine = new CompletableFuture<>();
        CompletableFuture<Hop> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        send(query, settings.retries()).whenComplete((message, error) -> {
            Hop hop = error != null ? failure(error) : interpret(message, name, type);
            long ttl = hop.kind() == HopKind.FAILURE || hop.kind() == HopKind.LOOP ? 0 : hop.ttlSeconds();
            if (ttl > 0) {
                cache.put(key, hop, nanoClock.getAsLong() + ttl * 1_000_000_000L);
            }
            inFlight.remove(key, mine);
            mine.complete(hop);
        });
        return mine;
    }

    private CompletableFuture<Message> send(Message query, int triesLeft) {
        CompletableFuture<Message> result = new CompletableFuture<>();
        whenSlotFree(() -> {
            // A fresh id per try, unique among the questions waiting in this process (QueryIds).
            Message tryQuery = query.clone();
            int id = QueryIds.SHARED.acquire();
            tryQuery.getHeader().setID(id);
            CompletableFuture<Message> attempt = new CompletableFuture<>();
            resolver.sendAsync(tryQuery).whenComplete((message, error) -> {
                // the id is free again only when dnsjava has let go of the question
                QueryIds.SHARED.release(id);
                if (error == null) {
                    attempt.complete(message);
                } else {
                    attempt.completeExceptionally(error);
                }
            });
            // The try's clock starts when it is sent, not while it waits for a slot.
            attempt.orTimeout(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            attempt.whenComplete((message, error) -> {
                releaseSlot();
                if (error == null) {
                    result.complete(message);
                    return;
                }
                Throwable cause = unwrap(error);
                boolean retryable = cause instanceof IOException && !(cause instanceof WireParseException)
                        || cause instanceof TimeoutException || strangersAnswer(cause);
                if (retryable && triesLeft > 0) {
                    send(query, triesLeft - 1).whenComplete((m, e) -> {
                        if (e == null) {
                            result.complete(m);
                        } else {
                            result.completeExceptionally(e);
                        }
                    });
                } else {
                    result.completeExceptionally(cause);
                }
            });
        });
        return result;
    }

    /**
     * dnsjava's check that the answer is for the question asked ("invalid name in message:
     * expected ..."): the answer was another question's, which a new try with a new id fixes.
     */
    private static boolean strangersAnswer(Throwable cause) {
        String m = cause instanceof WireParseException ? String.valueOf(cause.getMessage()) : "";
        return m.startsWith("invalid message id") || m.startsWith("invalid name in message")
                || m.startsWith("invalid type in message") || m.startsWith("invalid class in message");
    }

    /**
     * Tries sent at once to the server. A burst of thousands of UDP questions overflows a server's
     * (or the loopback's) receive buffer and is partly lost, and thousands of TCP questions queue
     * on one connection while their clocks run: either way a lookup fails or not depending on the
     * moment, and an SPF batch gives different answers run to run. Beyond this many, questions
     * wait here, before their clock starts.
     */
    static final int MAX_IN_FLIGHT = 64;

    private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
    private final java.util.Queue<Runnable> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private void whenSlotFree(Runnable send) {
        waiting.add(send);
        drain();
    }

    private void releaseSlot() {
        slots.release();
        drain();
    }

    /** Set while this thread sends waiting questions, so a try that fails at once does not recurse. */
    private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> false);

    private void drain() {
        if (DRAINING.get()) {
            return;
        }
        DRAINING.set(true);
        try {
            while (!waiting.isEmpty() && slots.tryAcquire()) {
                Runnable next = waiting.poll();
                if (next == null) {
                    slots.release();
                    continue;
                }
                next.run();
            }
        } finally {
            DRAINING.set(false);
        }
    }

    private Hop failure(Throwable error) {
        Throwable cause = unwrap(error);
        int tries = settings.retries() + 1;
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return Hop.failure(FailureKind.TIMEOUT, "no answer from " + server() + " within "
                    + settings.timeout().toMillis() + " ms (" + tries + (tries == 1 ? " try)" : " tries)"));
        }
        if (cause instanceof WireParseException) {
            return Hop.failure(FailureKind.MALFORMED, "malformed answer from " + server() + ": " + cause.getMessage());
        }
        if (cause instanceof IOException) {
            return Hop.failure(FailureKind.NETWORK, "cannot reach " + server() + ": " + (cause.getMessage() == null
                    ? withoutClassName(cause.getClass().getSimpleName()) : cause.getMessage()));
        }
        return Hop.failure(FailureKind.OTHER, "lookup failed: " + cause);
    }

    /**
     * "PortUnreachableException" as "port unreachable": the detail is shown as evidence to people,
     * who need the words, not a Java class name.
     */
    static String withoutClassName(String simpleName) {
        String words = simpleName.replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return words.isBlank() ? "error" : words;
    }

    private String server() {
        return settings.server().getAddress().getHostAddress() + ":" + settings.server().getPort();
    }

    Hop interpret(Message m, Name name, int type) {
        int rcode = m.getRcode();
        if (rcode == Rcode.SERVFAIL) {
            return Hop.failure(FailureKind.SERVFAIL, "SERVFAIL from " + server() + " for " + name + " " + Type.string(type));
        }
        if (rcode == Rcode.REFUSED) {
            return Hop.failure(FailureKind.REFUSED, "REFUSED by " + server() + " for " + name + " " + Type.string(type));
        }
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return Hop.failure(FailureKind.OTHER, Rcode.string(rcode) + " from " + server() + " for " + name);
        }
        if (m.getHeader().getFlag(Flags.TC)) {
            return Hop.failure(FailureKind.MALFORMED, "answer still truncated after retrying over TCP");
        }
        List<Record> answer = m.getSection(Section.ANSWER);
        List<Record> cnames = new ArrayList<>();
        Set<Name> seen = new HashSet<>();
        Name current = name;
        long ttl = settings.maxTtl().toSeconds();
        while (true) {
            List<Record> found = new ArrayList<>();
            CNAMERecord cname = null;
            for (Record r : answer) {
                if (!r.getName().equals(current) || r.getDClass() != DClass.IN) {
                    continue;
                }
                if (r.getType() == type || type == Type.ANY) {
                    found.add(r);
                } else if (r.getType() == Type.CNAME && cname == null) {
                    cname = (CNAMERecord) r;
                }
            }
            if (!found.isEmpty()) {
                for (Record r : found) {
                    ttl = Math.min(ttl, r.getTTL());
                }
                return new Hop(HopKind.ANSWER, found, cnames, null, ttl, null, "");
            }
            if (cname == null) {
                break;
            }
            seen.add(current);
            cnames.add(cname);
            ttl = Math.min(ttl, cname.getTTL());
            current = cname.getTarget();
            if (seen.contains(current)) {
                return new Hop(HopKind.LOOP, List.of(), cnames, current, 0, FailureKind.CNAME_LOOP, "");
            }
            if (cnames.size() > settings.maxCnameChain()) {
                return Hop.failure(FailureKind.OTHER, "CNAME chain longer than " + settings.maxCnameChain()
                        + " links: " + describe(cnames));
            }
        }
        // Records that answer none of the names asked (the name, or a CNAME target on the way) are
        // an answer for another name: a broken or spoofing server, not "this name has no records".
        for (Record r : answer) {
            if (r.getDClass() == DClass.IN && r.getType() != Type.DNAME && r.getType() != Type.RRSIG
                    && !r.getName().equals(current) && !seen.contains(r.getName())) {
                return Hop.failure(FailureKind.WRONG_NAME, "the answer from " + server() + " is for " + r.getName()
                        + ", not for " + name + " " + Type.string(type));
            }
        }
        SOARecord soa = null;
        for (Record r : m.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord) {
                soa = (SOARecord) r;
            }
        }
        // RFC 2308: negative answers live for min(SOA TTL, SOA minimum); without a SOA, not at all.
        long negativeTtl = soa == null ? 0
                : Math.min(Math.min(soa.getTTL(), soa.getMinimum()), settings.maxNegativeTtl().toSeconds());
        negativeTtl = Math.min(negativeTtl, ttl);
        if (rcode == Rcode.NXDOMAIN) {
            // RFC 6604: after a CNAME chain, the RCODE speaks of the chain's last name.
            return new Hop(HopKind.NXDOMAIN, List.of(), cnames, current, negativeTtl, null, "");
        }
        if (!cnames.isEmpty() && soa == null) {
            // The chain left this server's data: ask for its end separately.
            return new Hop(HopKind.CONTINUE, List.of(), cnames, current, ttl, null, "");
        }
        return new Hop(HopKind.NODATA, List.of(), cnames, current, negativeTtl, null, "");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * A bounded least-recently-used map from exchange to response, each entry with its own expiry
     * (its TTL): Guava's cache, the project's one bounded cache, holds the entries.
     */
    private static final class LruCache {
        private record Entry(Hop hop, long expiresAtNanos) { }

        private final int maxEntries;
        private final com.google.common.cache.Cache<Key, Entry> map;

        LruCache(int maxEntries) {
            this.maxEntries = maxEntries;
            this.map = com.google.common.cache.CacheBuilder.newBuilder().maximumSize(Math.max(0, maxEntries)).build();
        }

        Hop get(Key key, long now) {
            Entry e = map.getIfPresent(key);
            if (e == null) {
                return null;
            }
            long remaining = e.expiresAtNanos() - now;
            if (remaining <= 0) {
                map.asMap().remove(key, e);
                return null;
            }
            Hop h = e.hop();
            long seconds = Math.max(1, remaining / 1_000_000_000L);
            return new Hop(h.kind(), h.records(), h.cnames(), h.next(), seconds, h.failureKind(), h.detail());
        }

        void put(Key key, Hop hop, long expiresAtNanos) {
            if (maxEntries > 0) {
                map.put(key, new Entry(hop, expiresAtNanos));
            }
        }

        int size() {
            map.cleanUp();
            return (int) map.size();
        }
    }
}
