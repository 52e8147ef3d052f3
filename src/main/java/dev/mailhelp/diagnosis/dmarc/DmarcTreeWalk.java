package dev.mailhelp.diagnosis.dmarc;

import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS tree walk of RFC 9989 (DMARCbis, "DNS Tree Walk"): {@code _dmarc.<name>} for the domain,
 * then for its ancestors — jumping straight to the last four labels when there are five or more,
 * so no walk costs more than five queries — up to the single-label name, stopping early at a
 * record with {@code psd=n} (or {@code psd=y} above the starting name). All targets are known in
 * advance, so they are queried concurrently: the walk costs one round trip, not one per label.
 */
public final class DmarcTreeWalk {

    /** RFC 9989: from five labels on, the walk jumps to the name made of the last four. */
    static final int JUMP_FROM_LABELS = 5;
    static final int JUMP_TO_LABELS = 4;

    private final DnsClient dns;

    public DmarcTreeWalk(DnsClient dns) {
        this.dns = dns;
    }

    /** The names the walk may query for {@code domain} (without {@code _dmarc.}), in walk order. */
    public static List<String> targets(String domain) {
        List<String> targets = new ArrayList<>();
        targets.add(domain);
        String[] labels = domain.split("\\.");
        int next = labels.length >= JUMP_FROM_LABELS ? JUMP_TO_LABELS : labels.length - 1;
        while (next >= 1) {
            targets.add(lastLabels(labels, next));
            next--;
        }
        return targets;
    }

    private static String lastLabels(String[] labels, int count) {
        return String.join(".", Arrays.copyOfRange(labels, labels.length - count, labels.length));
    }

    public CompletableFuture<Walk> walk(String domain) {
        List<CompletableFuture<Level>> lookups = targets(domain).stream().map(this::level).collect(Collectors.toList());
        return CompletableFuture.allOf(lookups.toArray(new CompletableFuture[0]))
                .thenApply(v -> new Walk(domain, lookups.stream().map(CompletableFuture::join).collect(Collectors.toList())));
    }

    /** One {@code _dmarc} lookup, e.g. for an organisational domain the walk jumped over. */
    public CompletableFuture<Level> level(String target) {
        Name name;
        try {
            name = Name.fromString("_dmarc." + target + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new Level(target,
                    new DnsResult.Failure(Name.root, Type.TXT, DnsResult.FailureKind.OTHER, e.getMessage()), List.of(), List.of()));
        }
        return dns.query(name, Type.TXT).thenApply(r -> {
            List<String> txt = TxtStrings.of(r);
            return new Level(target, r,
                    txt.stream().filter(DmarcRecordParser::isDmarc).collect(Collectors.toList()),
                    txt.stream().filter(t -> !DmarcRecordParser.isDmarc(t) && DmarcRecordParser.looksLikeDmarc(t))
                            .collect(Collectors.toList()));
        });
    }

    /**
     * One queried name: its DNS outcome, the TXT values that are DMARC records ({@code v=DMARC1}
     * first, exactly), and those that look like DMARC but are ignored by receivers (e.g. {@code v=dmarc1}).
     */
    public record Level(String domain, DnsResult result, List<String> records, List<String> ignored) {
        public Level {
            records = List.copyOf(records);
            ignored = List.copyOf(ignored);
        }

        public boolean failed() {
            return result instanceof DnsResult.Failure;
        }

        /** Exactly one DMARC record: a usable record (several are all discarded). */
        public Optional<DmarcRecord> record() {
            return records.size() == 1 ? Optional.of(DmarcRecordParser.parse(records.get(0))) : Optional.empty();
        }

        Optional<String> psd() {
            return record().flatMap(DmarcRecord::psd);
        }
    }

    /** Where the applicable policy was found: the domain itself ({@code inherited} false) or an ancestor. */
    public record PolicySource(Level level, DmarcRecord record, boolean inherited) {
    }

    /** The outcome of a walk, levels in walk order (the domain first). */
    public record Walk(String domain, List<Level> levels) {
        public Walk {
            levels = List.copyOf(levels);
        }

        /** The levels the walk reaches: it stops at psd=n anywhere, or at psd=y above the starting name. */
        public List<Level> considered() {
            List<Level> out = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                Level level = levels.get(i);
                out.add(level);
                Optional<String> psd = level.failed() ? Optional.empty() : level.psd();
                if (psd.filter("n"::equals).isPresent() || (i > 0 && psd.filter("y"::equals).isPresent())) {
                    break;
                }
            }
            return out;
        }

        /** The first failed lookup the answer depends on, if any. */
        public Optional<Level> failure() {
            return considered().stream().filter(Level::failed).findFirst();
        }

        /**
         * The organisational domain (RFC 9989): from the records found, longest name first: the
         * one with psd=n; else one label below a psd=y above the start; else the record with the
         * fewest labels; else the domain itself. {@code confirmed} is false when a lookup it
         * depends on failed.
         */
        public OrgDomain organisationalDomain() {
            List<Level> considered = considered();
            boolean confirmed = considered.stream().noneMatch(Level::failed);
            String fewest = null;
            for (int i = 0; i < considered.size(); i++) {
                Level level = considered.get(i);
                if (level.record().isEmpty()) {
                    continue;
                }
                Optional<String> psd = level.psd();
                if (psd.filter("n"::equals).isPresent()) {
                    return new OrgDomain(level.domain(), confirmed, failure());
                }
                if (i > 0 && psd.filter("y"::equals).isPresent()) {
                    String[] labels = domain.split("\\.");
                    int below = level.domain().split("\\.").length + 1;
                    return new OrgDomain(lastLabels(labels, Math.min(below, labels.length)), confirmed, failure());
                }
                fewest = level.domain();
            }
            return new OrgDomain(fewest == null ? domain : fewest, confirmed, failure());
        }

        /** The psd=y record the walk stopped at, if any (its policy applies when the organisational domain has none). */
        Optional<Level> publicSuffixLevel() {
            List<Level> considered = considered();
            for (int i = 1; i < considered.size(); i++) {
                if (considered.get(i).psd().filter("y"::equals).isPresent()) {
                    return Optional.of(considered.get(i));
                }
            }
            return Optional.empty();
        }

        Optional<Level> levelOf(String name) {
            return levels.stream().filter(l -> l.domain().equals(name)).findFirst();
        }
    }

    /** @param failedAt the failed lookup that makes it unconfirmed */
    public record OrgDomain(String domain, boolean confirmed, Optional<Level> failedAt) {
    }
}
