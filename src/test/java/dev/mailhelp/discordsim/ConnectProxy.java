package dev.mailhelp.discordsim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The HTTP CONNECT proxy the bot is pointed at. It reads the CONNECT head byte by byte (so no
 * TLS bytes are consumed), answers 200, then terminates TLS itself on the same socket and hands
 * the decrypted stream to the simulated host. Only the simulated hosts are accepted: nothing is
 * ever forwarded to a real address.
 */
final class ConnectProxy implements AutoCloseable {

    interface HostHandler {
        /** @param connection the number of this tunnel (1, 2, ... in the order they were opened) */
        void serve(String host, int connection, SSLSocket socket, InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final java.util.concurrent.atomic.AtomicInteger tunnels = new java.util.concurrent.atomic.AtomicInteger();
    private final SimCertificate certificate;
    private final HostHandler handler;
    private final Consumer<String> violations;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "discordsim-conn");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final java.util.Map<Socket, String> hostOf = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ConnectProxy(SimCertificate certificate, HostHandler handler, Consumer<String> violations) throws IOException {
        this.certificate = certificate;
        this.handler = handler;
        this.violations = violations;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "discordsim-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    violations.accept("proxy accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket raw) {
        try (raw) {
            InputStream rawIn = raw.getInputStream();
            HttpExchange.Request connect = HttpExchange.readHead(rawIn);
            if (connect == null) {
                return;
            }
            OutputStream rawOut = raw.getOutputStream();
            if (!"CONNECT".equals(connect.method())) {
                violations.accept("proxy got " + connect.method() + " " + connect.target() + " instead of CONNECT");
                rawOut.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            String target = connect.target();
            String host = target.contains(":") ? target.substring(0, target.lastIndexOf(':')) : target;
            if (!Set.of(SimCertificate.HOSTS).contains(host) || !target.endsWith(":443")) {
                violations.accept("bot tried to reach " + target + ", which the simulator does not serve");
                rawOut.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            hostOf.put(raw, host);
            rawOut.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            rawOut.flush();
            SSLSocket tls = (SSLSocket) certificate.serverContext().getSocketFactory().createSocket(raw, null, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            tls.setSSLParameters(parameters);
            tls.setUseClientMode(false);
            open.add(tls);
            try (tls) {
                tls.startHandshake();
                handler.serve(host, tunnels.incrementAndGet(), tls, new BufferedInputStream(tls.getInputStream()), tls.getOutputStream());
            } finally {
                open.remove(tls);
            }
        } catch (IOException e) {
            // A client closing its connection is normal (OkHttp evicts idle connections).
        } catch (RuntimeException e) {
            violations.accept("simulator failure: " + e);
        } finally {
            open.remove(raw);
            hostOf.remove(raw);
        }
    }

    /** Closes every connection to {@code host}, as a server dropping idle keep-alive connections would. */
    void closeConnectionsTo(String host) {
        hostOf.forEach((socket, h) -> {
            if (h.equals(host)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
