package dev.mailhelp.ops;

import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;

/**
 * The resolver as it was, with each question's latency and result reported to the metrics. A
 * question under a blocklist's zone is reported with that list's id (from the catalogue), so
 * could-not-check counts per list need nothing inside the blocklist check; the name asked (which
 * holds the address checked) is never reported.
 */
public record ObservedDnsClient(DnsClient dns, ServiceMetrics metrics, Map<Name, String> listZones) implements DnsClient {

    public ObservedDnsClient {
        listZones = Map.copyOf(listZones);
    }

    @Override
    public CompletableFuture<DnsResult> query(Name name, int type) {
        long start = System.nanoTime();
        return dns.query(name, type).whenComplete((result, error) -> {
            if (result != null) {
                metrics.dnsQuery(Duration.ofNanos(System.nanoTime() - start), result, listOf(name));
            }
        });
    }

    private String listOf(Name name) {
        for (Map.Entry<Name, String> zone : listZones.entrySet()) {
            if (name.subdomain(zone.getKey())) {
                return zone.getValue();
            }
        }
        return null;
    }
}
