package dev.mailhelp.diagnosis.network;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import dev.mailhelp.dns.ReverseNames;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Names the network that owns an address: its reverse DNS name (PTR) and, from Team Cymru's
 * IP-to-ASN data served in DNS, the announcing autonomous system, its prefix, registry, country
 * and registered name ({@code <reversed>.origin.asn.cymru.com} or {@code origin6} for IPv6, then
 * {@code AS<n>.asn.cymru.com}). Plain DNS through the project's resolver, so no other protocol
 * or port is needed; RDAP would need HTTPS to the registries.
 *
 * <p>An optional detail: everything has one time budget, and running out of it (or any failure)
 * gives finding {@code network.owner-unknown} of severity INFO, never "could not check". The
 * future never fails.
 */
public final class NetworkOwnerLookup {

    /** The check name findings carry (a group of its own in reports). */
    public static final String CHECK = "network";
    /**
     * 3 s: the detail runs beside the blocklist queries and must not hold up their verdict; two
     * dependent questions (origin, then AS name) fit a slow resolver's first answers.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    static final Name ORIGIN = Name.fromConstantString("origin.asn.cymru.com.");
    static final Name ORIGIN6 = Name.fromConstantString("origin6.asn.cymru.com.");
    static final Name ASN = Name.fromConstantString("asn.cymru.com.");

    private final DnsClient dns;
    private final Duration timeout;

    public NetworkOwnerLookup(DnsClient dns, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the network-owner timeout must be positive, got " + timeout);
        }
        this.dns = dns;
        this.timeout = timeout;
    }

    public NetworkOwnerLookup(DnsClient dns) {
        this(dns, DEFAULT_TIMEOUT);
    }

    /** One finding, {@code network.owner} or {@code network.owner-unknown}, within the time budget. */
    public CompletableFuture<Finding> find(InetAddress address) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Part<String>> ptr = within(reverseName(address), deadline);
        CompletableFuture<Part<NetworkOwner>> origin = origin(address, deadline);
        return ptr.thenCombine(origin, (p, o) -> finding(address, p, o))
                .exceptionally(e -> Finding.of(CHECK, Severity.INFO, "network.owner-unknown")
                        .with("ip", address.getHostAddress()).with("reason", "failed")
                        .with("has_ptr", "no").with("ptr", "").evidence(String.valueOf(e)));
    }

    private static Finding finding(InetAddress address, Part<String> ptr, Part<NetworkOwner> origin) {
        String ip = address.getHostAddress();
        String ptrName = ptr.value().orElse("");
        List<String> evidence = new ArrayList<>();
        evidence.addAll(ptr.evidence());
        evidence.addAll(origin.evidence());
        Finding f;
        if (origin.value().isPresent()) {
            NetworkOwner o = origin.value().get();
            f = Finding.of(CHECK, Severity.INFO, "network.owner").with("ip", ip).with("asn", o.asText())
                    .with("has_name", o.asName().isEmpty() ? "no" : "yes").with("name", o.asName())
                    .with("prefix", o.prefix())
                    .with("has_registry", o.registry().isEmpty() || o.country().isEmpty() ? "no" : "yes")
                    .with("registry", o.registry()).with("country", o.country());
        } else {
            f = Finding.of(CHECK, Severity.INFO, "network.owner-unknown").with("ip", ip).with("reason", origin.reason());
        }
        return f.with("has_ptr", ptrName.isEmpty() ? "no" : "yes").with("ptr", ptrName)
                .evidence(String.join("\n", evidence));
    }

    private CompletableFuture<Part<String>> reverseName(InetAddress address) {
        Name name = ReverseNames.ptrName(address);
        return dns.query(name, Type.PTR).thenApply(r -> {
            if (r instanceof DnsResult.Answer a) {
                Optional<String> first = a.records().stream().filter(x -> x instanceof PTRRecord)
                        .map(x -> ((PTRRecord) x).getTarget().toString(true).toLowerCase(Locale.ROOT)).sorted().findFirst();
                return new Part<>(first, "", first.map(n -> List.of(name + " PTR " + n)).orElse(List.of()));
            }
            return new Part<>(Optional.<String>empty(), r instanceof DnsResult.Failure ? "failed" : "none", List.of());
        });
    }

    private CompletableFuture<Part<NetworkOwner>> origin(InetAddress address, long deadline) {
        Name name = ReverseNames.under(address, address instanceof Inet4Address ? ORIGIN : ORIGIN6);
        // Each of the two dependent questions is bounded by the same deadline, so the AS name
        // running out of time still leaves the number and prefix found before it.
        return bounded(dns.query(name, Type.TXT), name, Type.TXT, deadline).thenCompose(r -> {
            if (r instanceof DnsResult.Failure failure) {
                return done(Part.missing(failure.kind() == DnsResult.FailureKind.TIMEOUT ? "timeout" : "failed"));
            }
            if (!(r instanceof DnsResult.Answer a)) {
                return done(Part.missing("none"));
            }
            List<String> texts = txt(a);
            Optional<NetworkOwner> best = texts.stream().map(NetworkOwner::parseOrigin).flatMap(Optional::stream)
                    .max(Comparator.comparingInt(NetworkOwner::prefixLength));
            List<String> seen = texts.stream().map(t -> name + " TXT \"" + t + "\"").toList();
            if (best.isEmpty()) {
                return done(new Part<NetworkOwner>(Optional.empty(), "none", seen));
            }
            Name asName;
            try {
                asName = Name.fromString("AS" + best.get().asNumbers().get(0), ASN);
            } catch (TextParseException e) {
                return done(new Part<>(best, "", seen));
            }
            // The AS name is a detail of the detail: without it the number, prefix and registry still stand.
            return within(dns.query(asName, Type.TXT).thenApply(n -> {
                List<String> all = new ArrayList<>(seen);
                String registered = "";
                if (n instanceof DnsResult.Answer na) {
                    for (String t : txt(na)) {
                        all.add(asName + " TXT \"" + t + "\"");
                        if (registered.isEmpty()) {
                            registered = NetworkOwner.parseAsName(t);
                        }
                    }
                }
                return new Part<>(Optional.of(best.get().withAsName(registered)), "", all);
            }), deadline).thenApply(p -> p.value().isEmpty() ? new Part<>(best, "", seen) : p);
        });
    }

    /** The answer, or a timeout failure at the deadline (on a copy: the client may share its future). */
    private static CompletableFuture<DnsResult> bounded(CompletableFuture<DnsResult> query, Name name, int type, long deadline) {
        long left = Math.max(1, deadline - System.nanoTime());
        return query.thenApply(r -> r)
                .exceptionally(e -> new DnsResult.Failure(name, type, DnsResult.FailureKind.OTHER, String.valueOf(e)))
                .completeOnTimeout(new DnsResult.Failure(name, type, DnsResult.FailureKind.TIMEOUT, "time budget used up"),
                        left, TimeUnit.NANOSECONDS);
    }

    private static List<String> txt(DnsResult.Answer answer) {
        return answer.records().stream().filter(x -> x instanceof TXTRecord)
                .map(x -> String.join("", ((TXTRecord) x).getStrings())).toList();
    }

    /** The part, or "timeout" when the budget runs out first. */
    private static <T> CompletableFuture<Part<T>> within(CompletableFuture<Part<T>> part, long deadline) {
        long left = Math.max(1, deadline - System.nanoTime());
        return part.exceptionally(e -> Part.missing("failed"))
                .completeOnTimeout(Part.missing("timeout"), left, TimeUnit.NANOSECONDS);
    }

    private static <T> CompletableFuture<Part<T>> done(Part<T> part) {
        return CompletableFuture.completedFuture(part);
    }

    /** One half of the answer: the value found, else why not (none, timeout, failed), and the records seen. */
    private record Part<T>(Optional<T> value, String reason, List<String> evidence) {
        static <T> Part<T> missing(String reason) {
            return new Part<>(Optional.empty(), reason, List.of());
        }
    }
}
