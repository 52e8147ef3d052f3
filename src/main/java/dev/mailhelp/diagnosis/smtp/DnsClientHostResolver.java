package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Resolves with the project's DNS client: A and AAAA asked concurrently, IPv4 addresses first. */
public final class DnsClientHostResolver implements HostResolver {

    private final DnsClient dns;

    public DnsClientHostResolver(DnsClient dns) {
        this.dns = dns;
    }

    @Override
    public CompletionStage<List<InetAddress>> resolve(String host) {
        Name name;
        try {
            name = Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (TextParseException e) {
            return CompletableFuture.failedFuture(new HostResolutionException(
                    HostResolutionException.Kind.NOT_FOUND, host + " is not a valid DNS name: " + e.getMessage()));
        }
        CompletableFuture<DnsResult> a = dns.query(name, Type.A);
        CompletableFuture<DnsResult> aaaa = dns.query(name, Type.AAAA);
        return a.thenCombine(aaaa, (v4, v6) -> combine(host, v4, v6));
    }

    private static List<InetAddress> combine(String host, DnsResult v4, DnsResult v6) {
        List<InetAddress> out = new ArrayList<>();
        for (DnsResult r : List.of(v4, v6)) {
            if (r instanceof DnsResult.Answer answer) {
                for (Record rec : answer.records()) {
                    if (rec instanceof ARecord ar) {
                        out.add(ar.getAddress());
                    } else if (rec instanceof AAAARecord ar) {
                        out.add(ar.getAddress());
                    }
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (v4 instanceof DnsResult.NxDomain || v6 instanceof DnsResult.NxDomain) {
            throw new java.util.concurrent.CompletionException(new HostResolutionException(
                    HostResolutionException.Kind.NOT_FOUND, "The name " + host + " does not exist in DNS (NXDOMAIN)."));
        }
        if (v4 instanceof DnsResult.Failure f) {
            throw new java.util.concurrent.CompletionException(new HostResolutionException(
                    HostResolutionException.Kind.FAILED, "Looking up " + host + " failed: " + f.kind().id()
                    + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"), f.kind()));
        }
        if (v6 instanceof DnsResult.Failure f) {
            throw new java.util.concurrent.CompletionException(new HostResolutionException(
                    HostResolutionException.Kind.FAILED, "Looking up " + host + " failed: " + f.kind().id()
                    + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"), f.kind()));
        }
        throw new java.util.concurrent.CompletionException(new HostResolutionException(
                HostResolutionException.Kind.NO_ADDRESS, "The name " + host + " exists but has no IPv4 or IPv6 address."));
    }
}
