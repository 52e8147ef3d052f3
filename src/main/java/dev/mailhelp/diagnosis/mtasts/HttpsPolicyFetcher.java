package dev.mailhelp.diagnosis.mtasts;

import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.smtp.Dialer;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Fetches the MTA-STS policy over HTTPS, connecting only to addresses the {@link ConnectPermission}
 * (normally {@link PublicAddressRule}) allows. The host is resolved with mailhelp's own {@link DnsClient} and the connection goes to
 * exactly the address that was checked, with SNI and certificate checks for the host name.
 *
 * <p>Why not {@code java.net.http.HttpClient}: on Java 17 it resolves host names through the
 * system resolver only, so it would ignore {@code --dns} and could connect to a different address
 * than the one the rule approved (DNS rebinding). A one-request HTTP/1.1 GET over an
 * {@link SSLSocket} keeps the checked address and the connected address the same.
 */
public final class HttpsPolicyFetcher implements PolicyFetcher {

    /**
     * @param port     443 in production; tests use the port of their local HTTPS server
     * @param timeout  for connecting, and for the whole exchange (RFC 8461 10.3 suggests about a minute at most; a
     *                 person is waiting, so less)
     * @param maxBytes RFC 8461 3.3: senders should limit the policy to about 64 KiB
     * @param dialer   opens the connection ({@link Dialer#DIRECT} in production)
     */
    public record Settings(int port, Duration timeout, int maxBytes, Dialer dialer) {
        public Settings(int port, Duration timeout, int maxBytes) {
            this(port, timeout, maxBytes, Dialer.DIRECT);
        }

        public static Settings defaults() {
            return new Settings(443, Duration.ofSeconds(10), 64 * 1024);
        }
    }

    private static final String PATH = "/.well-known/mta-sts.txt";

    private final DnsClient dns;
    private final ConnectPermission rule;
    private final SSLContext ssl;
    private final Settings settings;
    private final ExecutorService io;

    public HttpsPolicyFetcher(DnsClient dns, ConnectPermission rule, SSLContext ssl, Settings settings) {
        this.dns = dns;
        this.rule = rule;
        this.ssl = ssl;
        this.settings = settings;
        this.io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mta-sts-fetch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Production: the JDK's trusted certificate authorities, public addresses only, port 443. */
    public static HttpsPolicyFetcher standard(DnsClient dns) {
        return standard(dns, false);
    }

    /**
     * Production with {@code MAILHELP_ALLOW_PRIVATE}: when it is on, the fetch may reach the same
     * private and loopback addresses the SMTP probe may (self-hosted mail), as the README says.
     */
    public static HttpsPolicyFetcher standard(DnsClient dns, boolean allowPrivate) {
        try {
            return new HttpsPolicyFetcher(dns, PublicAddressRule.allowingPrivate(allowPrivate), SSLContext.getDefault(),
                    Settings.defaults());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no TLS support", e);
        }
    }

    @Override
    public CompletableFuture<PolicyFetch> fetch(String domain) {
        String host = "mta-sts." + domain;
        Name name;
        try {
            name = Name.fromString(host + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new PolicyFetch.Unreachable(url(host), e.getMessage()));
        }
        CompletableFuture<DnsResult> a = dns.query(name, Type.A);
        CompletableFuture<DnsResult> aaaa = dns.query(name, Type.AAAA);
        return a.thenCombine(aaaa, (ra, raaaa) -> List.of(ra, raaaa)).thenCompose(results -> {
            List<InetAddress> addresses = new ArrayList<>();
            Optional<DnsResult> failure = Optional.empty();
            for (DnsResult r : results) {
                if (r instanceof DnsResult.Answer) {
                    for (Record rec : ((DnsResult.Answer) r).records()) {
                        if (rec instanceof ARecord) {
                            addresses.add(((ARecord) rec).getAddress());
                        } else if (rec instanceof AAAARecord) {
                            addresses.add(((AAAARecord) rec).getAddress());
                        }
                    }
                } else if (r instanceof DnsResult.Failure) {
                    failure = Optional.of(r);
                }
            }
            if (addresses.isEmpty()) {
                if (failure.isPresent()) {
                    String why = LookupText.describe(failure.get());
                    return done(((DnsResult.Failure) failure.get()).kind() == DnsResult.FailureKind.TIMEOUT
                            ? new PolicyFetch.TimedOut(url(host), why) : new PolicyFetch.Unreachable(url(host), why));
                }
                return done(new PolicyFetch.NoAddress(host,
                        LookupText.describe(results.get(0)) + "\n" + LookupText.describe(results.get(1))));
            }
            List<InetAddress> allowed = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (InetAddress ip : addresses) {
                Optional<String> refusal = rule.refusal(ip);
                if (refusal.isPresent()) {
                    refusals.add(ip.getHostAddress() + ": " + refusal.get());
                } else {
                    allowed.add(ip);
                }
            }
            if (allowed.isEmpty()) {
                return done(new PolicyFetch.NotPublic(host, refusals));
            }
            return CompletableFuture.supplyAsync(() -> get(host, allowed), io);
        }).exceptionally(e -> new PolicyFetch.Unreachable(url(host), String.valueOf(e)));
    }

    private PolicyFetch get(String host, List<InetAddress> addresses) {
        String lastError = "";
        boolean allTimedOut = true;
        for (InetAddress ip : addresses) {
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            String address = ip.getHostAddress();
            try (Socket plain = new Socket()) {
                settings.dialer().connect(plain, new InetSocketAddress(ip, settings.port()), (int) settings.timeout().toMillis());
                plain.setSoTimeout((int) settings.timeout().toMillis());
                try (SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(plain, host, settings.port(), true)) {
                    SSLParameters params = tls.getSSLParameters();
                    params.setServerNames(List.of(new SNIHostName(host)));
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    tls.setSSLParameters(params);
                    try {
                        tls.startHandshake();
                    } catch (SSLException e) {
                        return new PolicyFetch.TlsFailure(url(host), address, rootMessage(e));
                    }
                    return exchange(host, address, tls, deadline);
                }
            } catch (SocketTimeoutException e) {
                lastError = address + ": no answer within " + settings.timeout().toSeconds() + " s";
            } catch (IOException e) {
                lastError = address + ": " + rootMessage(e);
                allTimedOut = false;
            }
        }
        return allTimedOut ? new PolicyFetch.TimedOut(url(host), lastError) : new PolicyFetch.Unreachable(url(host), lastError);
    }

    private PolicyFetch exchange(String host, String address, SSLSocket tls, long deadline) throws IOException {
        OutputStream out = tls.getOutputStream();
        out.write(("GET " + PATH + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: mailhelp\r\nAccept: text/plain\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = tls.getInputStream();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int limit = settings.maxBytes() + 16 * 1024;
        int n;
        while ((n = in.read(buf)) >= 0) {
            raw.write(buf, 0, n);
            if (raw.size() > limit) {
                return new PolicyFetch.Unreachable(url(host), "the response is larger than " + settings.maxBytes()
                        + " bytes; RFC 8461 lets senders refuse policies that large");
            }
            if (System.nanoTime() > deadline) {
                return new PolicyFetch.TimedOut(url(host), "the response took longer than " + settings.timeout().toSeconds() + " s");
            }
        }
        return HttpResponseText.read(raw.toByteArray()).map(r -> {
            if (r.status() != 200) {
                return (PolicyFetch) new PolicyFetch.HttpStatus(url(host), address, r.status(), r.statusLine());
            }
            return new PolicyFetch.Fetched(url(host), address, r.contentType(), r.body());
        }).orElseGet(() -> new PolicyFetch.Unreachable(url(host), "the server's answer is not an HTTP response"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private static String url(String host) {
        return "https://" + host + PATH;
    }

    private static CompletableFuture<PolicyFetch> done(PolicyFetch f) {
        return CompletableFuture.completedFuture(f);
    }

    /** The parts of an HTTP/1.1 response the policy check needs. */
    record HttpResponseText(int status, String statusLine, String contentType, String body) {

        static Optional<HttpResponseText> read(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            int sep = 4;
            if (headerEnd < 0) {
                headerEnd = text.indexOf("\n\n");
                sep = 2;
            }
            if (headerEnd < 0 || !text.startsWith("HTTP/")) {
                return Optional.empty();
            }
            String[] lines = text.substring(0, headerEnd).split("\r?\n");
            String[] statusParts = lines[0].split(" ", 3);
            int status;
            try {
                status = Integer.parseInt(statusParts[1]);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            String contentType = "";
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).strip();
                if (key.equals("content-type")) {
                    contentType = value;
                } else if (key.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + sep, raw.length);
            if (chunked) {
                body = dechunk(body);
            }
            return Optional.of(new HttpResponseText(status, lines[0], contentType, new String(body, StandardCharsets.UTF_8)));
        }

        private static byte[] dechunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pos = 0;
            while (pos < body.length) {
                int lineEnd = pos;
                while (lineEnd < body.length && body[lineEnd] != '\n') {
                    lineEnd++;
                }
                String sizeLine = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII).strip();
                int semi = sizeLine.indexOf(';');
                if (semi >= 0) {
                    sizeLine = sizeLine.substring(0, semi);
                }
                int size;
                try {
                    size = Integer.parseInt(sizeLine, 16);
                } catch (NumberFormatException e) {
                    break;
                }
                pos = lineEnd + 1;
                if (size == 0 || pos + size > body.length) {
                    break;
                }
                out.write(body, pos, size);
                pos += size + 2;
            }
            return out.toByteArray();
        }
    }
}
