package io.sprint.opt.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.config.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    };

    @Test
    void servesTheDesignsMetersOnGetMetricsOnly() throws Exception {
        try (RuntimeMeters meters = new RuntimeMeters(SOURCE);
             MetricsEndpoint endpoint = MetricsEndpoint.start(new HostPort(HostPort.LOOPBACK, 0), meters)) {
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
}
