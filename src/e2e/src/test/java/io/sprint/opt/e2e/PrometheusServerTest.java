package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real Prometheus server (Debian's package; .ci/run installs it) on loopback scrapes a JVM
 * running the agent, and every query of the Grafana dashboard under src/grafana (the seed's five
 * among them) returns a number through Prometheus's HTTP API.
 */
class PrometheusServerTest {
    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path DASHBOARD = Path.of(System.getProperty("sprint.opt.dashboard",
            "../grafana/sprint-opt-dashboard.json"));
    private static final Pattern EXPR = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void everyDashboardQueryReturnsData(Jdk jdk) throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "prometheus not installed (apt-get install prometheus)");
        List<String> queries = dashboardQueries();
        assertTrue(queries.contains("histogram_quantile(0.95, rate(runtime_gc_pause_duration_seconds_bucket[5m]))"),
                queries.toString());
        assertTrue(queries.contains("(runtime_heap_alloc_bytes / runtime_heap_sys_bytes) * 100"), queries.toString());
        int metricsPort = Http.freePort();
        int prometheusPort = Http.freePort();
        Path work = Files.createTempDirectory("prometheus");
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: sprint-opt\n    static_configs:\n"
                + "      - targets: ['127.0.0.1:" + metricsPort + "']\n");
        String options = "level=enterprise,pin=relay-*,hiccup=true,drift=report,drift.interval=1,metrics=" + metricsPort;
        Process prometheus = null;
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg(options)), 120)) {
            Http.await("http://127.0.0.1:" + metricsPort + "/metrics", Duration.ofSeconds(15));
            prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
            String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=";
            awaitValue(api, "up{job=\"sprint-opt\"}", "1", work);
            try (Jmx jmx = Jmx.connect(app.pid())) {
                // pauses between scrapes, so the pause histogram's rate has something to show
                for (int i = 0; i < 6; i++) {
                    jmx.invoke("triggerGc");
                    Thread.sleep(700);
                }
            }
            for (String query : queries) {
                String value = awaitNumber(api, query, work);
                if (query.equals("runtime_optimization_level")) {
                    assertEquals("3", value);
                }
                if (query.equals("runtime_optimization_drift")) {
                    // not 0: the full GCs above shrink G1's heap, and recommitted regions lose the
                    // huge-page advice (MEASUREMENTS.md); a count all the same
                    assertTrue(Double.parseDouble(value) >= 0, "drifted settings " + value);
                }
                if (query.equals("runtime_pinned_threads")) {
                    assertTrue(Double.parseDouble(value) >= 1, "pinned threads " + value);
                }
            }
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<String> dashboardQueries() throws Exception {
        List<String> queries = new ArrayList<>();
        Matcher matcher = EXPR.matcher(Files.readString(DASHBOARD));
        while (matcher.find()) {
            queries.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        assertEquals(11, queries.size(), "dashboard queries: " + queries);
        return queries;
    }

    /** A value of the query once Prometheus has one that is a number (not NaN), within 20 s. */
    private static String awaitNumber(String api, String query, Path work) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String body = "";
        while (System.nanoTime() < deadline) {
            body = Http.get(api + URLEncoder.encode(query, StandardCharsets.UTF_8)).body();
            assertTrue(body.startsWith("{\"status\":\"success\""), query + ": " + body);
            Matcher value = VALUE.matcher(body);
            while (value.find()) { // a collector that has not run yet has no rate: NaN
                if (!value.group(1).equals("NaN")) {
                    Double.parseDouble(value.group(1));
                    return value.group(1);
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no number for " + query + ": " + body + "\nprometheus log:\n"
                + Files.readString(work.resolve("prometheus.log")));
    }

    private static void awaitValue(String api, String query, String expected, Path work) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                String body = Http.get(api + URLEncoder.encode(query, StandardCharsets.UTF_8)).body();
                Matcher value = VALUE.matcher(body);
                if (value.find() && value.group(1).equals(expected)) {
                    return;
                }
            } catch (IOException e) {
                // Prometheus still starting
            }
            assertFalse(System.nanoTime() > deadline, "Prometheus never saw " + query + " = " + expected
                    + "\nprometheus log:\n" + Files.readString(work.resolve("prometheus.log")));
            Thread.sleep(300);
        }
    }
}
