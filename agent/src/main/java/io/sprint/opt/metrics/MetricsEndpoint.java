package io.sprint.opt.metrics;

import io.sprint.opt.config.HostPort;
import io.sprint.opt.log.Log;
import io.sprint.opt.threads.AgentThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics} (and {@code HEAD}) in the Prometheus text format, and nothing else: other
 * paths 404, other methods 405, one request per connection.
 *
 * <p>A scrape must be answered whatever other clients do, on one daemon thread
 * ({@code sprint-opt-metrics}): the JDK's HTTP server needs two, and a thread per client is what
 * slow clients exhaust. So one non-blocking selector serves every connection at once; a client
 * that sends its request a byte at a time holds nothing but its own socket, and each connection
 * has {@value #REQUEST_DEADLINE_MILLIS} ms from accept to its last response byte, however it
 * trickles. At most {@value #MAX_CONNECTIONS} connections are open; a new one closes the oldest,
 * so a flood of idle connections cannot lock a scraper out (a scraper sends its request as it
 * connects and is answered in the same pass).
 */
public final class MetricsEndpoint implements AutoCloseable {
    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String THREAD_NAME = "sprint-opt-metrics";
    static final int MAX_CONNECTIONS = 64;
    static final long REQUEST_DEADLINE_MILLIS = 5000;
    /** A request head larger than this is refused: a scraper's is a few hundred bytes. */
    static final int MAX_HEAD_BYTES = 8192;

    /** Writes the body of a scrape. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Body body;
    private final HostPort address;
    private final Thread thread;
    /** Open connections, oldest first. */
    private final Map<SocketChannel, Connection> connections = new LinkedHashMap<>();
    private volatile boolean closed;

    private MetricsEndpoint(Selector selector, ServerSocketChannel server, Body body, HostPort address) {
        this.selector = selector;
        this.server = server;
        this.body = body;
        this.address = address;
        this.thread = AgentThreads.daemon(THREAD_NAME, this::serve);
    }

    /**
     * Binds and starts serving. An IPv4 address binds IPv4 only: 0.0.0.0 is not also [::].
     *
     * @throws IOException when the address cannot be bound
     */
    public static MetricsEndpoint start(HostPort address, Body body) throws IOException {
        InetAddress host = InetAddress.getByName(address.host());
        ServerSocketChannel server = ServerSocketChannel.open(host instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        Selector selector = null;
        try {
            server.bind(new InetSocketAddress(host, address.port()), MAX_CONNECTIONS);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        MetricsEndpoint endpoint = new MetricsEndpoint(selector, server, body, new HostPort(address.host(), port));
        endpoint.thread.start();
        return endpoint;
    }

    /** Whether {@code address} can be reached from other hosts (anything but loopback). */
    public static boolean reachableFromOtherHosts(HostPort address) {
        try {
            return !InetAddress.getByName(address.host()).isLoopbackAddress();
        } catch (IOException e) {
            return true;
        }
    }

    private void serve() {
        try {
            while (!closed) {
                selector.select(this::ready, untilNextDeadline());
                expire(System.nanoTime());
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                Log.warn("metrics: endpoint on %s stopped: %s", address, e);
            }
        } finally {
            connections.keySet().forEach(MetricsEndpoint::quietly);
            connections.clear();
        }
    }

    private long untilNextDeadline() {
        if (connections.isEmpty()) {
            return 0; // no deadline to keep: wait for the next connection
        }
        long earliest = connections.values().iterator().next().deadline;
        return Math.max(1, (earliest - System.nanoTime()) / 1_000_000 + 1);
    }

    private void ready(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
            } else if (key.isReadable()) {
                read(key);
            } else if (key.isWritable()) {
                write(key);
            }
        } catch (IOException | RuntimeException e) {
            Log.debug("metrics: connection dropped: %s", e);
            drop((SocketChannel) key.channel());
        }
    }

    private void accept() throws IOException {
        for (SocketChannel client = server.accept(); client != null; client = server.accept()) {
            if (connections.size() >= MAX_CONNECTIONS) {
                drop(connections.keySet().iterator().next());
            }
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ);
            connections.put(client, new Connection(System.nanoTime() + REQUEST_DEADLINE_MILLIS * 1_000_000));
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        Connection connection = connections.get(client);
        if (connection == null) {
            drop(client);
            return;
        }
        if (client.read(connection.head) < 0) {
            drop(client);
            return;
        }
        String head = Http.head(connection.head);
        if (head == null && connection.head.hasRemaining()) {
            return; // more of the request to come
        }
        connection.response = ByteBuffer.wrap(head == null ? Http.response("400 Bad Request", Http.TEXT,
                Http.text("request head too large\n"), true) : answer(head));
        key.interestOps(SelectionKey.OP_WRITE);
        write(key);
    }

    private byte[] answer(String head) throws IOException {
        Http.Request request = Http.Request.parse(head);
        if (request == null) {
            return Http.response("400 Bad Request", Http.TEXT, Http.text("bad request\n"), true);
        }
        if (!PATH.equals(request.path())) {
            return Http.response("404 Not Found", Http.TEXT, Http.text("only " + PATH + " is served\n"), true);
        }
        boolean get = "GET".equals(request.method());
        if (!get && !"HEAD".equals(request.method())) {
            return Http.response("405 Method Not Allowed\r\nAllow: GET, HEAD", Http.TEXT,
                    Http.text("method not allowed; GET " + PATH + "\n"), true);
        }
        ByteArrayOutputStream scrape = new ByteArrayOutputStream(64 * 1024);
        body.writeTo(scrape);
        return Http.response("200 OK", CONTENT_TYPE, scrape, get);
    }

    private void write(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        Connection connection = connections.get(client);
        if (connection == null || connection.response == null) {
            drop(client);
            return;
        }
        client.write(connection.response);
        if (!connection.response.hasRemaining()) {
            drop(client);
        }
    }

    /** Closes every connection past its deadline (the map is in accept order, so are the deadlines). */
    private void expire(long now) {
        List<SocketChannel> late = new ArrayList<>();
        for (Iterator<Map.Entry<SocketChannel, Connection>> it = connections.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SocketChannel, Connection> entry = it.next();
            if (entry.getValue().deadline - now > 0) {
                break;
            }
            late.add(entry.getKey());
        }
        late.forEach(this::drop);
    }

    private void drop(SocketChannel client) {
        connections.remove(client);
        quietly(client);
    }

    private static void quietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            // a socket the peer already closed
        }
    }

    /** Where it listens (the port the OS chose when 0 was asked for). */
    public HostPort address() {
        return address;
    }

    /** Stops serving: the listening socket and every open connection are closed, the thread ends. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket does not fail in a way worth reporting
        }
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** One client: its request head so far, its response once known, its deadline. */
    private static final class Connection {
        final ByteBuffer head = ByteBuffer.allocate(MAX_HEAD_BYTES);
        final long deadline;
        ByteBuffer response;

        Connection(long deadline) {
            this.deadline = deadline;
        }
    }
}
