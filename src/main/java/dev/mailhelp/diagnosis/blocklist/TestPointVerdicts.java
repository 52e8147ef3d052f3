package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.ReverseNames;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * RFC 5782 section 5 test points per list: the "listed" point must be listed and the "not
 * listed" point must not be. A list failing either is broken or dead (dead lists often answer
 * "listed" for everything), so its answers are not trusted. A verdict is kept for the configured
 * interval; a verdict that could not be reached (timeout) is not kept.
 */
final class TestPointVerdicts {

    sealed interface Verdict permits Usable, Unusable, Unknown { }

    record Usable() implements Verdict { }

    record Unusable(String reason) implements Verdict { }

    record Unknown(String reason) implements Verdict { }

    private record Entry(CompletableFuture<Verdict> verdict, long checkedAtNanos) { }

    private final DnsClient dns;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Map<Name, Entry> byZone = new ConcurrentHashMap<>();

    /**
     * Test-point queries bypass the checker's concurrency limit: there are at most two per list
     * per interval, and queueing them behind address queries would delay every first check.
     */
    TestPointVerdicts(DnsClient dns, Duration interval, LongSupplier clock) {
        this.dns = dns;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    CompletableFuture<Verdict> verdict(Blocklist list, Name zone) {
        long now = clock.getAsLong();
        Entry entry = byZone.compute(zone, (z, old) ->
                old != null && now - old.checkedAtNanos() < intervalNanos ? old : new Entry(check(list, zone), now));
        CompletableFuture<Verdict> verdict = entry.verdict();
        verdict.thenAccept(v -> {
            if (v instanceof Unknown) {
                byZone.remove(zone, entry);
            }
        });
        return verdict;
    }

    private CompletableFuture<Verdict> check(Blocklist list, Name zone) {
        String listed = list.testPoints().listed();
        String notListed = list.testPoints().notListed();
        CompletableFuture<AnswerReading.Reading> mustBeListed =
                dns.query(name(list, listed, zone), Type.A).thenApply(r -> AnswerReading.read(list, r));
        CompletableFuture<AnswerReading.Reading> mustNotBeListed =
                dns.query(name(list, notListed, zone), Type.A).thenApply(r -> AnswerReading.read(list, r));
        return mustBeListed.thenCombine(mustNotBeListed, (yes, no) -> {
            if (yes instanceof AnswerReading.NotListed) {
                return (Verdict) new Unusable("it does not list its test point " + listed
                        + ", which every working list must list (RFC 5782); it may have shut down or be broken");
            }
            if (no instanceof AnswerReading.Listed) {
                return new Unusable("it lists its test point " + notListed
                        + ", which must never be listed (RFC 5782); dead lists answer 'listed' for everything");
            }
            if (yes instanceof AnswerReading.Untrusted) {
                return new Unknown(((AnswerReading.Untrusted) yes).reason());
            }
            if (no instanceof AnswerReading.Untrusted) {
                return new Unknown(((AnswerReading.Untrusted) no).reason());
            }
            return new Usable();
        }).exceptionally(e -> new Unknown("test points could not be checked: " + e));
    }

    static Name name(Blocklist list, String point, Name zone) {
        try {
            if (list.kind() == Blocklist.Kind.IP) {
                return ReverseNames.under(ReverseNames.parseAddress(point), zone);
            }
            return Name.concatenate(Name.fromString(point), zone);
        } catch (TextParseException | NameTooLongException e) {
            throw new IllegalArgumentException("bad test point '" + point + "' of list " + list.id() + ": " + e.getMessage(), e);
        }
    }
}
