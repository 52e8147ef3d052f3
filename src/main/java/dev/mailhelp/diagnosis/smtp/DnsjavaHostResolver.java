package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one chosen DNS server (the command line's {@code --dns HOST:PORT}) for A and AAAA. Meant
 * to give way to {@link DnsClientHostResolver} over the project's DNS client once that is merged.
 */
public final class DnsjavaHostResolver implements HostResolver {

    private final InetSocketAddress server;
    private final Duration timeout;

    public DnsjavaHostResolver(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<List<InetAddress>> resolve(String host) {
        Name name;
        try {
            name = Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (TextParseException e) {
            return CompletableFuture.failedFuture(new HostResolutionException(HostResolutionException.Kind.NOT_FOUND,
                    host + " is not a valid DNS name: " + e.getMessage()));
        }
        CompletableFuture<Message> a = ask(name, Type.A);
        CompletableFuture<Message> aaaa = ask(name, Type.AAAA);
        return a.thenCombine(aaaa, (m4, m6) -> {
            List<InetAddress> out = new ArrayList<>();
            for (Message m : List.of(m4, m6)) {
                for (Record r : m.getSection(Section.ANSWER)) {
                    if (r instanceof ARecord ar) {
                        out.add(ar.getAddress());
                    } else if (r instanceof AAAARecord ar) {
                        out.add(ar.getAddress());
                    }
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
            int rcode = m4.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                throw new CompletionException(new HostResolutionException(HostResolutionException.Kind.NOT_FOUND,
                        "The name " + host + " does not exist in DNS (NXDOMAIN)."));
            }
            if (rcode != Rcode.NOERROR) {
                throw new CompletionException(new HostResolutionException(HostResolutionException.Kind.FAILED,
                        "Looking up " + host + " failed: the DNS server answered " + Rcode.string(rcode) + "."));
            }
            throw new CompletionException(new HostResolutionException(HostResolutionException.Kind.NO_ADDRESS,
                    "The name " + host + " exists but has no IPv4 or IPv6 address."));
        }).exceptionallyCompose(e -> {
            Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (c instanceof HostResolutionException) {
                return CompletableFuture.failedFuture(c);
            }
            return CompletableFuture.failedFuture(new HostResolutionException(HostResolutionException.Kind.FAILED,
                    "Looking up " + host + " at " + server.getHostString() + ":" + server.getPort() + " failed: "
                            + (c.getMessage() == null ? c.toString() : c.getMessage())));
        });
    }

    private CompletableFuture<Message> ask(Name name, int type) {
        SimpleResolver r = new SimpleResolver(server);
        r.setTimeout(timeout);
        return r.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN))).toCompletableFuture();
    }
}
