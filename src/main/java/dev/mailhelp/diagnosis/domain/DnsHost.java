package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * "Where is my DNS hosted?": the domain's name servers (NS records, asked of the nearest name that
 * has them) and, when their names reveal it, the company that runs them. The records a user must
 * change live there, so naming it saves the user a search. Companies are recognised by the name
 * servers' own domain; an unknown one is answered with the name servers themselves.
 */
public final class DnsHost {

    /** Name-server domains of common DNS hosts (proper names, not sentences), most specific first. */
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("cloudflare.com", "Cloudflare");
        KNOWN.put("domaincontrol.com", "GoDaddy");
        KNOWN.put("registrar-servers.com", "Namecheap");
        KNOWN.put("googledomains.com", "Google Cloud DNS");
        KNOWN.put("google.com", "Google");
        KNOWN.put("azure-dns.com", "Microsoft Azure DNS");
        KNOWN.put("azure-dns.net", "Microsoft Azure DNS");
        KNOWN.put("azure-dns.org", "Microsoft Azure DNS");
        KNOWN.put("azure-dns.info", "Microsoft Azure DNS");
        KNOWN.put("digitalocean.com", "DigitalOcean");
        KNOWN.put("linode.com", "Akamai (Linode)");
        KNOWN.put("gandi.net", "Gandi");
        KNOWN.put("ovh.net", "OVHcloud");
        KNOWN.put("name.com", "Name.com");
        KNOWN.put("dnsimple.com", "DNSimple");
        KNOWN.put("nsone.net", "NS1");
        KNOWN.put("wixdns.net", "Wix");
        KNOWN.put("squarespacedns.com", "Squarespace");
        KNOWN.put("dns-parking.com", "Hostinger");
        KNOWN.put("bluehost.com", "Bluehost");
        KNOWN.put("dreamhost.com", "DreamHost");
        KNOWN.put("hinet.net", "HiNet (中華電信)");
        KNOWN.put("pchome.com.tw", "PChome");
        KNOWN.put("seed.net.tw", "Seednet (遠傳)");
        KNOWN.put("url.com.tw", "智邦 url.com.tw");
        KNOWN.put("gname.net", "Gname");
    }

    /** How far up the tree to look for NS records (www.shop.example.com → example.com). */
    private static final int MAX_WALK = 4;

    private DnsHost() {
    }

    /** The company whose name servers these are, if mailhelp knows it. */
    public static Optional<String> company(List<String> nameServers) {
        for (String ns : nameServers) {
            String host = ns.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
            if (host.contains(".awsdns-")) {
                return Optional.of("Amazon Route 53");
            }
            for (Map.Entry<String, String> known : KNOWN.entrySet()) {
                if (host.equals(known.getKey()) || host.endsWith("." + known.getKey())) {
                    return Optional.of(known.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "Cloudflare (ada.ns.cloudflare.com, bob.ns.cloudflare.com)", or the name servers alone; empty
     * when none could be found (the lookup failed or the name does not exist).
     */
    public static CompletableFuture<Optional<String>> describe(DnsClient dns, String domain) {
        Name name;
        try {
            name = Name.fromString(domain.endsWith(".") ? domain : domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return nameServers(dns, name, 0).thenApply(servers -> {
            if (servers.isEmpty()) {
                return Optional.<String>empty();
            }
            String list = String.join(", ", servers);
            return Optional.of(company(servers).map(c -> c + " (" + list + ")").orElse(list));
        }).exceptionally(e -> Optional.empty());
    }

    private static CompletableFuture<List<String>> nameServers(DnsClient dns, Name name, int depth) {
        return dns.query(name, Type.NS).thenCompose(result -> {
            if (result instanceof DnsResult.Answer answer) {
                List<String> servers = new ArrayList<>();
                answer.records().stream().filter(r -> r instanceof NSRecord)
                        .map(r -> ((NSRecord) r).getTarget().toString(true).toLowerCase(Locale.ROOT))
                        .sorted().forEach(servers::add);
                if (!servers.isEmpty()) {
                    return CompletableFuture.completedFuture(servers);
                }
            }
            if (result instanceof DnsResult.Failure || depth >= MAX_WALK || name.labels() <= 3) {
                return CompletableFuture.completedFuture(List.<String>of());
            }
            return nameServers(dns, new Name(name, 1), depth + 1);
        });
    }
}
