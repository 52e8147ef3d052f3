package dev.mailhelp.dns;

import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The outcome of one DNS question. NXDOMAIN, NODATA and the ways of getting no answer stay
 * distinct here so that checks can say "could not check" instead of "missing".
 */
public sealed interface DnsResult {

    Name name();

    int type();

    /** Records of the asked type (CNAMEs already followed); never empty. */
    record Answer(Name name, int type, List<Record> records, long ttlSeconds) implements DnsResult {
        public Answer {
            records = List.copyOf(records);
        }
    }

    /** The name does not exist (RCODE 3). */
    record NxDomain(Name name, int type) implements DnsResult { }

    /** The name exists but has no record of this type. */
    record NoData(Name name, int type) implements DnsResult { }

    /** No usable answer: SERVFAIL, REFUSED, timeout, network error, malformed reply, CNAME loop. */
    record Failure(Name name, int type, FailureKind kind, String detail) implements DnsResult { }

    /** True for NXDOMAIN and NODATA: the lookup worked and found nothing ("void lookup" in SPF). */
    default boolean isEmpty() {
        return this instanceof NxDomain || this instanceof NoData;
    }

    enum FailureKind {
        SERVFAIL, REFUSED, TIMEOUT, NETWORK, MALFORMED,
        /** The answer's records belong to another name than the one asked: a broken or spoofing server. */
        WRONG_NAME,
        /** The CNAME chain comes back to a name already met. */
        CNAME_LOOP,
        OTHER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
