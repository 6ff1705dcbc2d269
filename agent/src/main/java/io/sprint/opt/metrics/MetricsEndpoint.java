package io.sprint.opt.metrics;

import io.sprint.opt.config.HostPort;
import io.sprint.opt.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in the Prometheus text format, and nothing else: other paths 404, other
 * methods 405, one request per connection. A few lines of HTTP/1.1 on one daemon thread
 * ({@code sprint-opt-metrics}) rather than the JDK's HTTP server, whose dispatcher is not a
 * daemon on newer JDKs (it would keep the application's JVM alive) and which adds a second
 * thread for its idle timer.
 */
public final class MetricsEndpoint implements AutoCloseable {
    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String THREAD_NAME = "sprint-opt-metrics";
    /** A request head larger than this is refused: a scraper's is a few hundred bytes. */
    private static final int MAX_HEAD_BYTES = 8192;
    /** A client that sends its request slower than this is dropped, so it cannot hold the endpoint. */
    private static final int READ_TIMEOUT_MILLIS = 5000;

    private final ServerSocket server;
    private final RuntimeMeters meters;
    private final HostPort address;
    private final Thread thread;

    private MetricsEndpoint(ServerSocket server, RuntimeMeters meters, HostPort address) {
        this.server = server;
        this.meters = meters;
        this.address = address;
        this.thread = io.sprint.opt.AgentThreads.daemon(THREAD_NAME, this::serve);
    }

    /** Binds and starts serving; @throws IOException when the address cannot be bound. */
    public static MetricsEndpoint start(HostPort address, RuntimeMeters meters) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()), 16);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        MetricsEndpoint endpoint = new MetricsEndpoint(server, meters,
                new HostPort(address.host(), server.getLocalPort()));
        endpoint.thread.start();
        return endpoint;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(READ_TIMEOUT_MILLIS);
                answer(client);
            } catch (SocketException e) {
                if (!server.isClosed()) {
                    Log.debug("metrics: connection dropped: %s", e);
                }
            } catch (IOException | RuntimeException e) {
                Log.debug("metrics: request failed: %s", e);
            }
        }
    }

    private void answer(Socket client) throws IOException {
        String head = readHead(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (head == null) {
            respond(out, "400 Bad Request", "text/plain; charset=utf-8", text("bad request\n"));
            return;
        }
        String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
        String method = requestLine[0];
        String target = requestLine.length > 1 ? requestLine[1] : "";
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (!PATH.equals(path)) {
            respond(out, "404 Not Found", "text/plain; charset=utf-8", text("only " + PATH + " is served\n"));
        } else if (!"GET".equals(method)) {
            respond(out, "405 Method Not Allowed\r\nAllow: GET", "text/plain; charset=utf-8",
                    text(method + " not allowed; GET " + PATH + "\n"));
        } else {
            ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
            meters.scrape(body);
            respond(out, "200 OK", CONTENT_TYPE, body);
        }
    }

    /** The request line and headers up to the blank line; null when malformed or too large. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.indexOf(' ') > 0 ? text : null;
            }
        }
        return null;
    }

    private static ByteArrayOutputStream text(String message) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        return body;
    }

    private static void respond(OutputStream out, String status, String contentType, ByteArrayOutputStream body)
            throws IOException {
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.size() + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        body.writeTo(out);
        out.flush();
    }

    /** Where it listens (the port the OS chose when 0 was asked for). */
    public HostPort address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket does not fail in a way worth reporting
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
