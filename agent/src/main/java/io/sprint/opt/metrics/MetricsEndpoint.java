package io.sprint.opt.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sprint.opt.config.HostPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/**
 * {@code GET /metrics} in the Prometheus text format, and nothing else: other paths 404, other
 * methods 405. The JDK's own HTTP server: no dependency, and it runs the handler on its one
 * dispatcher thread (plus its idle-connection timer), both daemon.
 */
public final class MetricsEndpoint implements AutoCloseable {
    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final HostPort address;

    private MetricsEndpoint(HttpServer server, HostPort address) {
        this.server = server;
        this.address = address;
    }

    /** Binds and starts serving; @throws IOException when the address cannot be bound. */
    public static MetricsEndpoint start(HostPort address, RuntimeMeters meters) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address.host(), address.port()), 16);
        server.createContext("/", exchange -> handle(exchange, meters));
        server.setExecutor(null);
        startAsDaemon(server);
        InetSocketAddress bound = server.getAddress();
        return new MetricsEndpoint(server, new HostPort(address.host(), bound.getPort()));
    }

    /**
     * The server's dispatcher thread takes its daemon status from the thread that starts it;
     * a non-daemon one would keep the application's JVM alive after main returns.
     */
    private static void startAsDaemon(HttpServer server) throws IOException {
        Thread starter = new Thread(server::start, "sprint-opt-metrics-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the metrics endpoint", e);
        }
    }

    private static void handle(HttpExchange exchange, RuntimeMeters meters) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 404, "only " + PATH + " is served\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                reply(exchange, 405, exchange.getRequestMethod() + " not allowed; GET " + PATH + "\n");
            } else {
                ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
                meters.scrape(body);
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                exchange.sendResponseHeaders(200, body.size());
                try (OutputStream out = exchange.getResponseBody()) {
                    body.writeTo(out);
                }
            }
        } catch (RuntimeException e) {
            io.sprint.opt.log.Log.warn("metrics: scrape failed: %s", e);
            throw e;
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Where it listens (the port the OS chose when 0 was asked for). */
    public HostPort address() {
        return address;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
