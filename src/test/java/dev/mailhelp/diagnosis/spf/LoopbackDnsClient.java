package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/**
 * A plain {@link DnsClient} over dnsjava's {@link SimpleResolver} (real UDP, TCP on truncation)
 * for the SPF tests until the project's AsyncDnsClient is merged: no cache, one query per call.
 */
final class LoopbackDnsClient implements DnsClient {

    private final SimpleResolver resolver;

    LoopbackDnsClient(InetSocketAddress server, Duration timeout) {
        resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
    }

    @Override
    public CompletableFuture<DnsResult> query(Name name, int type) {
        Message q = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        return resolver.sendAsync(q).toCompletableFuture().handle((reply, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                DnsResult.FailureKind kind = cause instanceof TimeoutException
                        || String.valueOf(cause).toLowerCase().contains("timed out")
                        ? DnsResult.FailureKind.TIMEOUT : DnsResult.FailureKind.NETWORK;
                return new DnsResult.Failure(name, type, kind, String.valueOf(cause.getMessage()));
            }
            int rcode = reply.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return new DnsResult.NxDomain(name, type);
            }
            if (rcode == Rcode.SERVFAIL) {
                return new DnsResult.Failure(name, type, DnsResult.FailureKind.SERVFAIL, "");
            }
            if (rcode == Rcode.REFUSED) {
                return new DnsResult.Failure(name, type, DnsResult.FailureKind.REFUSED, "");
            }
            if (rcode != Rcode.NOERROR) {
                return new DnsResult.Failure(name, type, DnsResult.FailureKind.OTHER, Rcode.string(rcode));
            }
            Name owner = name;
            List<Record> answer = reply.getSection(Section.ANSWER);
            for (int hops = 0; hops < 8; hops++) {
                Name current = owner;
                Record cname = answer.stream().filter(r -> r instanceof CNAMERecord && r.getName().equals(current))
                        .findFirst().orElse(null);
                if (cname == null || type == org.xbill.DNS.Type.CNAME) {
                    break;
                }
                owner = ((CNAMERecord) cname).getTarget();
            }
            List<Record> records = new ArrayList<>();
            long ttl = Long.MAX_VALUE;
            for (Record r : answer) {
                if (r.getType() == type && r.getName().equals(owner)) {
                    records.add(r);
                    ttl = Math.min(ttl, r.getTTL());
                }
            }
            if (records.isEmpty()) {
                return new DnsResult.NoData(name, type);
            }
            return new DnsResult.Answer(name, type, records, ttl);
        });
    }
}
