package dev.mailhelp.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional HTTP port for an orchestrator and a Prometheus server: {@code /healthz} (the
 * process answers), {@code /readyz} (every readiness condition holds; the body names each one)
 * and {@code /metrics}. Plain JDK server, two threads: scrapes are rare and cheap.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;
    private final ExecutorService threads;

    private HealthServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * @param readiness named conditions, checked in order at every {@code /readyz}
     */
    public static HealthServer start(InetSocketAddress address, ServiceMetrics metrics, Map<String, BooleanSupplier> readiness)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        Map<String, BooleanSupplier> conditions = new LinkedHashMap<>(readiness);
        server.createContext("/healthz", exchange -> respond(exchange, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", exchange -> {
            StringBuilder body = new StringBuilder();
            boolean ready = true;
            for (Map.Entry<String, BooleanSupplier> condition : conditions.entrySet()) {
                boolean holds = holds(condition.getValue());
                ready &= holds;
                body.append(condition.getKey()).append(holds ? " ok" : " not ready").append('\n');
            }
            respond(exchange, ready ? 200 : 503, "text/plain", body.toString());
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mailhelp-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.start();
        LOG.info("health and metrics on http://{}:{}/ (healthz, readyz, metrics)",
                address.getHostString(), server.getAddress().getPort());
        return new HealthServer(server, threads);
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The port actually bound (useful when 0 asked for any free one). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
