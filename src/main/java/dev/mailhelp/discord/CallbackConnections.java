package dev.mailhelp.discord;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Small HTTPS POSTs to one host over HTTP/1.1 connections that are opened ahead and kept alive,
 * one blocking request per connection at a time (through an HTTP CONNECT proxy when one is set).
 *
 * <p>Why not the JDK HttpClient: measured in a burst of 200 acknowledgements it spent about
 * 0.5 ms of CPU per request (its asynchronous TLS and exchange machinery), more than anything else
 * in the bot; a blocking request on a warm connection is one TLS record out and one in.
 * Connections that failed to open are reported as {@link ConnectException} (nothing was sent).
 */
final class CallbackConnections implements AutoCloseable {

    /** Reused only while younger than this idle time: servers drop idle keep-alive connections. */
    static final Duration MAX_IDLE = Duration.ofSeconds(20);

    private record Connection(SSLSocket socket, InputStream in, OutputStream out, long idleSinceNanos) {
        Connection idleNow() {
            return new Connection(socket, in, out, System.nanoTime());
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final String host;
    private final int port;
    private final SSLContext tls;
    private final Optional<InetSocketAddress> proxy;
    private final Duration timeout;
    private final String userAgent;
    private final ThreadPoolExecutor senders;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * @param base        scheme, host and port of the API (https only)
     * @param settingsOf  TLS context and proxy come from this client (the one the bot is configured with)
     * @param connections most requests (and connections) at once
     */
    CallbackConnections(URI base, HttpClient settingsOf, int connections, Duration timeout, String userAgent,
                        ThreadFactory threads) {
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("only https is supported, got " + base);
        }
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 443 : base.getPort();
        this.tls = settingsOf.sslContext();
        this.proxy = settingsOf.proxy().flatMap(selector -> httpProxy(selector, base));
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.senders = new ThreadPoolExecutor(connections, connections, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads);
        senders.allowCoreThreadTimeOut(true);
    }

    private static Optional<InetSocketAddress> httpProxy(ProxySelector selector, URI uri) {
        List<Proxy> proxies = selector.select(uri);
        return proxies.stream().filter(p -> p.type() == Proxy.Type.HTTP).findFirst()
                .map(p -> (InetSocketAddress) p.address());
    }

    /**
     * Opens {@code count} connections in parallel, so the first burst finds them ready. Completes
     * when all were tried; a failure is not reported (the first request will try again and tell).
     */
    CompletableFuture<Void> warmUp(int count) {
        CompletableFuture<?>[] opened = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            opened[i] = CompletableFuture.runAsync(() -> {
                try {
                    idle.push(open());
                } catch (IOException e) {
                    // see above
                }
            }, senders);
        }
        return CompletableFuture.allOf(opened);
    }

    /** POSTs a JSON body; completes with the status code. */
    CompletableFuture<Integer> post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + userAgent
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        try {
            senders.execute(() -> {
                try {
                    result.complete(send(request));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("acknowledgement connections are closed"));
        }
        return result;
    }

    private int send(byte[] request) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Connection reused = takeIdle();
        if (reused != null) {
            try {
                return exchange(reused, request, deadline);
            } catch (StaleConnection e) {
                // Closed by the server while idle, before it read anything: the request was not taken.
                reused.close();
            }
        }
        Connection fresh = open();
        try {
            return exchange(fresh, request, deadline);
        } catch (StaleConnection e) {
            fresh.close();
            throw new IOException("Discord closed a new connection without answering");
        }
    }

    private Connection takeIdle() {
        Connection c;
        while ((c = idle.poll()) != null) {
            if (System.nanoTime() - c.idleSinceNanos() < MAX_IDLE.toNanos() && !c.socket().isClosed()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Thrown when the connection ended before any byte of the answer. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("connection closed before the answer");
        }
    }

    private int exchange(Connection c, byte[] request, long deadline) throws IOException {
        boolean reusable = false;
        try {
            if (deadline - System.nanoTime() <= 0) {
                // Opening the connection took all the time: nothing was sent, so Javacord may still try.
                throw new ConnectException("no connection to " + host + " within " + timeout.toMillis() + " ms");
            }
            try {
                c.out().write(request);
                c.out().flush();
            } catch (IOException e) {
                // The server had closed the connection: nothing of this request was taken.
                throw new StaleConnection();
            }
            c.socket().setSoTimeout(remainingMillis(deadline));
            String status;
            try {
                status = readLine(c.in(), true);
            } catch (java.net.SocketException e) {
                // Reset before any byte of the answer: the server had dropped the connection.
                throw new StaleConnection();
            }
            String[] parts = status.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(parts[1]);
            long length = -1;
            boolean keepAlive = true;
            boolean chunked = false;
            String line;
            while (!(line = readLine(c.in(), false)).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    keepAlive = false;
                } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            if (code == 204 || code == 304) {
                length = 0;
            }
            if (chunked || length < 0) {
                // The answer's end is the connection's end (or a chunked body we do not need): the
                // status is all we use, and the connection is not reused.
                return code;
            }
            skip(c.in(), length);
            reusable = keepAlive;
            return code;
        } finally {
            if (reusable && !closed) {
                idle.push(c.idleNow());
            } else {
                c.close();
            }
        }
    }

    private static int remainingMillis(long deadline) throws java.net.SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("no answer in time");
        }
        return (int) left;
    }

    private static void skip(InputStream in, long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("answer body ended early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String readLine(InputStream in, boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (first && line.size() == 0) {
                    throw new StaleConnection();
                }
                throw new EOFException("answer ended inside its head");
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 8192) {
                throw new IOException("answer header line too long");
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** TCP (through the proxy if any) and the TLS handshake; any failure means nothing was sent. */
    private Connection open() throws ConnectException {
        Socket raw = new Socket();
        try {
            int millis = (int) timeout.toMillis();
            raw.setTcpNoDelay(true);
            raw.connect(proxy.orElseGet(() -> new InetSocketAddress(host, port)), millis);
            raw.setSoTimeout(millis);
            if (proxy.isPresent()) {
                OutputStream out = raw.getOutputStream();
                out.write(("CONNECT " + host + ":" + port + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = raw.getInputStream();
                String status = readLine(in, true);
                while (!readLine(in, false).isEmpty()) {
                    // proxy headers are not needed
                }
                String[] parts = status.split(" ");
                if (parts.length < 2 || !parts[1].equals("200")) {
                    throw new IOException("the proxy refused CONNECT " + host + ": " + status);
                }
            }
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 4096),
                    socket.getOutputStream(), System.nanoTime());
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            ConnectException failure = new ConnectException("could not open a connection to " + host + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public void close() {
        closed = true;
        senders.shutdownNow();
        Connection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }
}
