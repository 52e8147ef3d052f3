package dev.mailhelp.diagnosis.dmarc;

import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS tree walk of RFC 9989 section 4.10: {@code _dmarc.<name>} for the domain, then for its
 * ancestors (jumping to the last seven labels when there are eight or more), up to the
 * single-label name. All targets are known in advance, so they are queried concurrently: the walk
 * costs one round trip, not one per label.
 */
public final class DmarcTreeWalk {

    /** RFC 9989: a walk never queries more than this many names beyond the starting one's shortened form. */
    static final int MAX_LABELS_AFTER_JUMP = 7;

    private final DnsClient dns;

    public DmarcTreeWalk(DnsClient dns) {
        this.dns = dns;
    }

    /** The names the walk queries for {@code domain} (without {@code _dmarc.}), in walk order. */
    public static List<String> targets(String domain) {
        List<String> targets = new ArrayList<>();
        targets.add(domain);
        String[] labels = domain.split("\\.");
        int count = labels.length;
        int next = count >= MAX_LABELS_AFTER_JUMP + 1 ? MAX_LABELS_AFTER_JUMP : count - 1;
        while (next >= 1) {
            StringBuilder sb = new StringBuilder();
            for (int i = count - next; i < count; i++) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(labels[i]);
            }
            targets.add(sb.toString());
            next--;
        }
        return targets;
    }

    public CompletableFuture<Walk> walk(String domain) {
        List<String> targets = targets(domain);
        List<CompletableFuture<Level>> lookups = new ArrayList<>();
        for (String target : targets) {
            Name name;
            try {
                name = Name.fromString("_dmarc." + target + ".");
            } catch (TextParseException e) {
                lookups.add(CompletableFuture.completedFuture(new Level(target,
                        new DnsResult.Failure(Name.root, Type.TXT, DnsResult.FailureKind.OTHER, e.getMessage()), List.of())));
                continue;
            }
            lookups.add(dns.query(name, Type.TXT).thenApply(r -> new Level(target, r,
                    TxtStrings.of(r).stream().filter(DmarcRecordParser::isDmarc).collect(Collectors.toList()))));
        }
        return CompletableFuture.allOf(lookups.toArray(new CompletableFuture[0]))
                .thenApply(v -> new Walk(domain, lookups.stream().map(CompletableFuture::join).collect(Collectors.toList())));
    }

    /** One queried name: its DNS outcome and the TXT values that start with v=DMARC1. */
    public record Level(String domain, DnsResult result, List<String> records) {
        public Level {
            records = List.copyOf(records);
        }

        public boolean failed() {
            return result instanceof DnsResult.Failure;
        }

        /** Exactly one DMARC record: a usable policy record (several are all discarded). */
        public Optional<DmarcRecord> record() {
            return records.size() == 1 ? Optional.of(DmarcRecordParser.parse(records.get(0))) : Optional.empty();
        }
    }

    /** The outcome of a walk, levels in walk order (the domain first). */
    public record Walk(String domain, List<Level> levels) {
        public Walk {
            levels = List.copyOf(levels);
        }

        /**
         * The level whose record is the policy record: the first with exactly one record. Empty
         * when none was found; {@link #blockedBy()} tells whether a failure hid it.
         */
        public Optional<Level> policyLevel() {
            for (Level level : levels) {
                if (level.failed()) {
                    return Optional.empty();
                }
                if (level.record().isPresent()) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }

        /** The first failed lookup before any policy record: then the policy is unknown, not missing. */
        public Optional<Level> blockedBy() {
            for (Level level : levels) {
                if (level.failed()) {
                    return Optional.of(level);
                }
                if (level.record().isPresent()) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        /**
         * The organisational domain by RFC 9989 4.10.2: where psd=n is published; one label below
         * where psd=y is published; else the name with the fewest labels that has a record; else
         * the domain itself. {@code confirmed} is false when a lookup the answer depends on failed.
         */
        public OrgDomain organisationalDomain() {
            String candidate = null;
            for (int i = 0; i < levels.size(); i++) {
                Level level = levels.get(i);
                if (level.failed()) {
                    return new OrgDomain(candidate == null ? domain : candidate, false, level);
                }
                Optional<DmarcRecord> record = level.record();
                if (record.isEmpty()) {
                    continue;
                }
                Optional<String> psd = record.get().psd();
                if (psd.isPresent() && psd.get().equals("n")) {
                    return new OrgDomain(level.domain(), true, null);
                }
                if (psd.isPresent() && psd.get().equals("y")) {
                    return new OrgDomain(i == 0 ? level.domain() : levels.get(i - 1).domain(), true, null);
                }
                candidate = level.domain();
            }
            return new OrgDomain(candidate == null ? domain : candidate, true, null);
        }
    }

    /** @param failedAt the lookup that stopped the walk when not confirmed, else null */
    public record OrgDomain(String domain, boolean confirmed, Level failedAt) {
    }
}
