package io.sprint.opt.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.config.HostPort;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    private static final RuntimeMeters.Source SOURCE = new RuntimeMeters.Source() {
        @Override
        public int level() {
            return 3;
        }

        @Override
        public boolean healthy() {
            return true;
        }

        @Override
        public int pinnedThreads() {
            return 2;
        }

        @Override
        public double gcCpuFraction() {
            return 0.125;
        }

        @Override
        public double drifted() {
            return 0;
        }
    };

    @Test
    void servesTheDesignsMetersOnGetMetricsOnly() throws Exception {
        try (RuntimeMeters meters = new RuntimeMeters(SOURCE);
             MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort(HostPort.LOOPBACK, 0), meters::scrape)) {
            meters.gcPauseSink().pause("G1 Young Generation", 250_000);
            meters.hiccupSink().accept(40_000);
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://" + endpoint.address() + "/metrics");
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals(MetricsEndpoint.CONTENT_TYPE, ok.headers().firstValue("Content-Type").orElse(""));
            String body = ok.body();
            for (String line : new String[] {"runtime_optimization_level 3.0", "runtime_pinned_threads 2.0",
                    "runtime_gc_cpu_fraction 0.125", "runtime_optimization_healthy 1.0",
                    "runtime_gc_pause_duration_seconds_bucket{collector=\"G1 Young Generation\",le=\"2.0E-5\"} 0",
                    "runtime_gc_pause_duration_seconds_bucket{collector=\"G1 Young Generation\",le=\"3.2E-4\"} 1",
                    "runtime_gc_pause_duration_seconds_count{collector=\"G1 Young Generation\"} 1", "runtime_hiccup_duration_seconds_count 1"}) {
                assertTrue(body.contains(line + "\n"), line + " missing in\n" + body);
            }
            assertTrue(body.contains("\nruntime_heap_alloc_bytes "), body);
            assertTrue(body.contains("\nruntime_num_threads "), body);
            assertTrue(body.contains("\njvm_memory_used_bytes{"), "Micrometer's JVM binders");
            assertTrue(body.contains("\nprocess_uptime_seconds "), "Micrometer's process binders");
            for (String name : RuntimeMeters.LINT_FAILURES) {
                assertTrue(!body.contains(name.replace('.', '_')), name + " is left out");
            }
            assertEquals(405, client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(404, client.send(HttpRequest.newBuilder(uri.resolve("/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(404, client.send(HttpRequest.newBuilder(uri.resolve("/metrics/x")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private static final MetricsEndpoint.Body SMALL = out -> out.write("runtime_optimization_level 3.0\n"
            .getBytes(StandardCharsets.UTF_8));

    /** A raw HTTP exchange: sends {@code request}, returns everything the server sends back before closing. */
    private static String exchange(HostPort address, String request) throws IOException {
        try (Socket socket = new Socket(address.host(), address.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Connections that each send part of a request head and then nothing (slowloris). */
    private static List<Socket> slowClients(HostPort address, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(address.host(), address.port());
            socket.getOutputStream().write("GET /metr".getBytes(StandardCharsets.ISO_8859_1));
            sockets.add(socket);
        }
        return sockets;
    }

    @Test
    void slowClientsDoNotKeepScrapesWaiting() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort(HostPort.LOOPBACK, 0), SMALL)) {
            List<Socket> slow = slowClients(endpoint.address(), 200);
            try {
                for (int i = 0; i < 5; i++) {
                    String response = exchange(endpoint.address(), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
                    assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
                    assertTrue(response.endsWith("\r\n\r\nruntime_optimization_level 3.0\n"), response);
                }
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aClientThatTricklesItsRequestIsCutOffAtTheDeadline() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort(HostPort.LOOPBACK, 0), SMALL);
             Socket slow = new Socket(endpoint.address().host(), endpoint.address().port())) {
            slow.setSoTimeout((int) MetricsEndpoint.REQUEST_DEADLINE_MILLIS * 3);
            long start = System.nanoTime();
            OutputStream out = slow.getOutputStream();
            int read = 0;
            try {
                for (char c : "GET /metrics HTTP/1.1\r\n".toCharArray()) { // one byte every 300 ms, never done
                    out.write(c);
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (IOException closedByServer) {
                read = -1;
            }
            if (read == 0) {
                read = slow.getInputStream().read();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, read, "the server closed the connection without an answer");
            assertTrue(millis >= MetricsEndpoint.REQUEST_DEADLINE_MILLIS - 100, "not before the deadline: " + millis);
        }
    }

    @Test
    void aFloodOfIdleConnectionsClosesTheOldestNotTheNewest() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort(HostPort.LOOPBACK, 0), SMALL)) {
            List<Socket> idle = slowClients(endpoint.address(), MetricsEndpoint.MAX_CONNECTIONS + 10);
            try {
                assertTrue(exchange(endpoint.address(), "GET /metrics HTTP/1.0\r\n\r\n").startsWith("HTTP/1.1 200 "));
                Socket oldest = idle.get(0);
                oldest.setSoTimeout(10_000);
                assertEquals(-1, oldest.getInputStream().read(), "the oldest idle connection was closed");
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void headIsAnsweredLikeGetWithoutABodyAndOtherMethodsAreNotEchoed() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort(HostPort.LOOPBACK, 0), SMALL)) {
            String head = exchange(endpoint.address(), "HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertTrue(head.contains("\r\nContent-Length: 31\r\n"), head);
            assertTrue(head.endsWith("\r\n\r\n"), "no body: " + head);

            String put = exchange(endpoint.address(), "PUT<script>alert(1)</script> /metrics HTTP/1.1\r\n\r\n");
            assertTrue(put.startsWith("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\n"), put);
            assertFalse(put.contains("script"), put);

            String bareLf = exchange(endpoint.address(), "GET /metrics HTTP/1.1\nHost: x\n\n");
            assertTrue(bareLf.startsWith("HTTP/1.1 200 OK\r\n"), bareLf);
            assertTrue(exchange(endpoint.address(), "nonsense\r\n\r\n").startsWith("HTTP/1.1 400 "));
            assertTrue(exchange(endpoint.address(), "GET /metrics HTTP/1.1\r\n" + "X: y\r\n".repeat(2000))
                    .startsWith("HTTP/1.1 400 "), "a head over 8 KB");
        }
    }

    @Test
    void closingStopsTheThreadAndDropsConnectedSlowClients() throws Exception {
        MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort(HostPort.LOOPBACK, 0), SMALL);
        List<Socket> slow = slowClients(endpoint.address(), 3);
        try {
            Thread.sleep(100);
            endpoint.close();
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals(MetricsEndpoint.THREAD_NAME) && t.isAlive()));
            slow.get(0).setSoTimeout(5000);
            assertEquals(-1, slow.get(0).getInputStream().read());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void anIpv4AddressIsNotAlsoBoundOnIpv6() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort("0.0.0.0", 0), SMALL)) {
            assertTrue(MetricsEndpoint.reachableFromOtherHosts(endpoint.address()));
            assertTrue(exchange(new HostPort("127.0.0.1", endpoint.address().port()), "GET /metrics HTTP/1.0\r\n\r\n")
                    .startsWith("HTTP/1.1 200 "));
            assertThrows(IOException.class, () -> new Socket("::1", endpoint.address().port()).close(),
                    "nothing listens on [::1]");
        }
        assertFalse(MetricsEndpoint.reachableFromOtherHosts(new HostPort(HostPort.LOOPBACK, 9464)));
    }
}
