package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** metrics=, hiccup=, adaptive= and the health thresholds on real JVMs, read from outside. */
class MetricsTest {
    private static final Pattern THREAD = Pattern.compile("^\"(.+?)\" #\\d+ (?:\\[\\d+\\] )?(daemon )?", Pattern.MULTILINE);

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void everythingOnServesValidMetricsWithAtMostThreeThreads(Jdk jdk) throws Exception {
        int port = Http.freePort();
        String options = "level=enterprise,metrics=" + port + ",hiccup=true,adaptive=true,adaptive.interval=1,"
                + "adaptive.min=enterprise,adaptive.max=enterprise";
        Set<String> baseline;
        try (Target plain = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=enterprise")), 60)) {
            Thread.sleep(2000);
            baseline = threadNames(jdk, plain.pid()).keySet();
        }
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg(options)), 60)) {
            String url = "http://127.0.0.1:" + port + "/metrics";
            String body = Http.await(url, Duration.ofSeconds(15));
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    Http.get(url).headers().firstValue("Content-Type").orElse(""));
            for (String meter : List.of("runtime_heap_alloc_bytes", "runtime_heap_sys_bytes",
                    "runtime_gc_pause_duration_seconds_bucket", "runtime_gc_cpu_fraction", "runtime_num_threads",
                    "runtime_pinned_threads", "runtime_hiccup_duration_seconds_bucket", "jvm_memory_used_bytes",
                    "jvm_gc_max_data_size_bytes", "jvm_threads_live_threads", "process_uptime_seconds")) {
                assertTrue(body.contains("\n" + meter), meter + " missing in\n" + body);
            }
            assertTrue(body.contains("\nruntime_optimization_level 3.0\n"), body);
            assertTrue(body.contains("\nruntime_optimization_healthy 1.0\n"), body);
            promtoolAccepts(Http.get(url).body());

            URI uri = URI.create(url);
            assertEquals(405, Http.status(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString("x")).build()));
            assertEquals(200, Http.status(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build()));
            assertEquals(404, Http.status(HttpRequest.newBuilder(uri.resolve("/metricsx")).build()));
            Optional<String> other = nonLoopbackAddress();
            other.ifPresent(address -> assertFalse(Http.listening(address, port),
                    "metrics=PORT listens on loopback only, yet " + address + ":" + port + " answered"));

            Thread.sleep(1500);
            Map<String, Boolean> threads = threadNames(jdk, app.pid());
            Set<String> added = new TreeSet<>(threads.keySet());
            added.removeAll(baseline);
            added.removeIf(name -> name.startsWith("RMI ") || name.equals("Attach Listener")
                    || name.startsWith("C1 CompilerThread") || name.startsWith("C2 CompilerThread"));
            assertTrue(added.size() <= 3, "threads the services added: " + added);
            assertEquals(Set.of("sprint-opt-metrics", "sprint-opt-monitor"), added);
            added.forEach(name -> assertTrue(threads.get(name), name + " must be a daemon thread"));

            try (Jmx jmx = Jmx.connect(app.pid())) {
                double hiccup = (Double) jmx.composite("Stats").get("hiccup_p99_ms");
                assertTrue(hiccup > 0 && hiccup < 1000, "hiccup_p99_ms " + hiccup);
                String[] decisions = (String[]) jmx.get("AdaptiveDecisions");
                assertTrue(decisions.length > 0 && decisions[decisions.length - 1].contains("hold enterprise"),
                        Arrays.toString(decisions));
            }
            Run restore = Run.cli("restore", Long.toString(app.pid()));
            assertEquals(0, restore.exit(), restore.toString());
            String restored = Http.get(url).body();
            assertTrue(restored.contains("\nruntime_optimization_level -1.0\n"), restored);
            assertTrue(restored.contains("\nruntime_optimization_healthy 0.0\n"), restored);
            app.awaitStderr("adaptive tuning off", Duration.ofSeconds(5));
            assertFalse(app.stderr().contains("WARN"), "stderr: " + app.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void attachStartsMovesAndStopsTheEndpoint(Jdk jdk) throws Exception {
        int first = Http.freePort();
        int second = Http.freePort();
        try (Target app = Target.relayApp(jdk, List.of(), 60)) {
            String pid = Long.toString(app.pid());
            Run attach = Run.cli("attach", pid, "level=basic,metrics=" + first);
            assertEquals(0, attach.exit(), attach.toString());
            assertTrue(Http.await("http://127.0.0.1:" + first + "/metrics", Duration.ofSeconds(10))
                    .contains("\nruntime_optimization_level 0.0\n"));
            Run moved = Run.cli("attach", pid, "level=standard,metrics=127.0.0.1:" + second);
            assertEquals(0, moved.exit(), moved.toString());
            assertFalse(Http.listening("127.0.0.1", first), "the old endpoint is closed");
            assertTrue(Http.get("http://127.0.0.1:" + second + "/metrics").body()
                    .contains("\nruntime_optimization_level 1.0\n"));
            Run off = Run.cli("attach", pid, "level=standard");
            assertEquals(0, off.exit(), off.toString());
            assertFalse(Http.listening("127.0.0.1", second), "no metrics= in the new options: endpoint closed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aTakenPortIsOneWarningAndTheApplicationRunsOn(Jdk jdk) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=standard,metrics="
                     + taken.getLocalPort())), 60)) {
            app.awaitStderr("metrics: cannot serve /metrics on 127.0.0.1:" + taken.getLocalPort(), Duration.ofSeconds(15));
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("standard", jmx.get("Level"));
                assertEquals(true, jmx.get("Applied"));
            }
            assertTrue(app.stdout().contains("relay app pid"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void healthThresholdsAreOptionsAndHealthExitsOne(Jdk jdk) throws Exception {
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=basic,health.threads=5")), 60)) {
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals(true, jmx.get("Applied"));
            }
            Run health = Run.cli("health", Long.toString(app.pid()));
            assertEquals(1, health.exit(), health.toString());
            assertTrue(health.out().trim().matches("potential thread leak: \\d+ threads > 5 \\(health\\.threads\\)"),
                    health.out());
        }
    }

    /** The whole JVM stopped for 5 s (SIGSTOP): the hiccup meter saw it, so health says unhealthy. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aFiveSecondStallIsUnhealthy(Jdk jdk) throws Exception {
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=basic,hiccup=true")), 60)) {
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals(true, jmx.get("Applied"));
            }
            Thread.sleep(1500); // a second of samples rolled into the window
            Run healthy = Run.cli("health", Long.toString(app.pid()));
            assertEquals(0, healthy.exit(), healthy.toString());
            assertEquals(0, Run.of(List.of("kill", "-STOP", Long.toString(app.pid()))).exit());
            Thread.sleep(5000);
            assertEquals(0, Run.of(List.of("kill", "-CONT", Long.toString(app.pid()))).exit());
            Thread.sleep(1500);
            Run health = Run.cli("health", Long.toString(app.pid()));
            assertEquals(1, health.exit(), health.toString());
            assertTrue(health.out().trim().matches("long stalls: hiccup_p99_ms \\d+\\.\\d > 100\\.0 \\(health\\.hiccup\\)"),
                    health.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void adaptiveStepsUpWhenLateDownWhenCalmAndStopsOnRestore(Jdk jdk) throws Exception {
        // A 1 us target no real wake-up meets: up one level after two 1 s windows, then held at max.
        String up = "level=basic,hiccup=true,adaptive=true,adaptive.interval=1,adaptive.target=0.001,"
                + "adaptive.max=standard";
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg(up)), 60)) {
            app.awaitStderr("adaptive: basic → standard: p99 latency", Duration.ofSeconds(20));
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("standard", jmx.get("Level"));
                awaitDecision(jmx, "but standard is adaptive.max");
                Run restore = Run.cli("restore", Long.toString(app.pid()));
                assertEquals(0, restore.exit(), restore.toString());
                Thread.sleep(3000);
                assertEquals("none", jmx.get("Level"), "adaptive tuning must not re-apply after restore");
                assertEquals(0, ((String[]) jmx.get("AdaptiveDecisions")).length);
            }
        }
        // A 60 s target and any CPU use count as calm: down one level after six windows.
        String down = "level=standard,adaptive=true,adaptive.interval=1,adaptive.target=60000,adaptive.cpu=100";
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg(down)), 60)) {
            app.awaitStderr("adaptive: standard → basic", Duration.ofSeconds(20));
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("basic", jmx.get("Level"));
                assertEquals("level=basic,adaptive=true,adaptive.target=60000,adaptive.cpu=100,adaptive.interval=1",
                        jmx.get("Options"));
                awaitDecision(jmx, "but basic is adaptive.min");
            }
        }
    }

    private static void awaitDecision(Jmx jmx, String text) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            String[] decisions = (String[]) jmx.get("AdaptiveDecisions");
            if (Arrays.stream(decisions).anyMatch(d -> d.contains(text))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no decision with '" + text + "': " + Arrays.toString(decisions));
            }
            Thread.sleep(200);
        }
    }

    /** Java threads of {@code pid} by name (numbered names kept as they are), daemon or not. */
    private static Map<String, Boolean> threadNames(Jdk jdk, long pid) throws Exception {
        Run dump = Run.of(List.of(jdk.jcmd(), Long.toString(pid), "Thread.print"));
        assertEquals(0, dump.exit(), dump.toString());
        Map<String, Boolean> names = new TreeMap<>();
        Matcher matcher = THREAD.matcher(dump.out());
        while (matcher.find()) {
            names.put(matcher.group(1), matcher.group(2) != null);
        }
        return names;
    }

    /** {@code promtool check metrics} (Debian's prometheus package; .ci/run installs it). */
    static void promtoolAccepts(String exposition) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool not installed (apt-get install prometheus)");
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "promtool check metrics: " + output);
    }

    private static Optional<String> nonLoopbackAddress() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).findFirst()
                .or(() -> Optional.empty());
    }

    /**
     * A scraper every second is answered every time while 200 connections trickle half a request
     * head, one sends a byte every 4 s, and bursts of 50 clients come at once: the endpoint's one
     * thread serves them all, cuts each at its deadline and never lets them queue the scraper.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void slowAndManyClientsNeverStopTheScrapes(Jdk jdk) throws Exception {
        int port = Http.freePort();
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=basic,metrics=0.0.0.0:" + port)), 60)) {
            String url = "http://127.0.0.1:" + port + "/metrics";
            Http.await(url, Duration.ofSeconds(15));
            List<Socket> slow = new ArrayList<>();
            ExecutorService burst = Executors.newFixedThreadPool(50);
            Thread trickle = new Thread(() -> trickle(port));
            try {
                for (int i = 0; i < 200; i++) {
                    Socket socket = new Socket("127.0.0.1", port);
                    socket.getOutputStream().write("GET /metr".getBytes(StandardCharsets.ISO_8859_1));
                    slow.add(socket);
                }
                trickle.start();
                int answered = 0;
                for (int second = 0; second < 10; second++) {
                    List<Future<Integer>> clients = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        clients.add(burst.submit(() -> Http.get(url).statusCode()));
                    }
                    long start = System.nanoTime();
                    assertEquals(200, Http.get(url).statusCode(), "scrape " + second);
                    answered++;
                    for (Future<Integer> client : clients) {
                        assertEquals(200, client.get(10, TimeUnit.SECONDS));
                    }
                    Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - start) / 1_000_000));
                }
                assertEquals(10, answered);
            } finally {
                trickle.interrupt();
                burst.shutdownNow();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            assertEquals(1, app.stderr().lines().filter(l -> l.contains("is plain HTTP without authentication")).count(),
                    app.stderr());
            assertFalse(Http.listening("::1", port), "metrics=0.0.0.0 binds IPv4 only");
        }
    }

    /** One byte of a request every 4 s, for as long as the server keeps the connection. */
    private static void trickle(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            for (byte b : "GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1)) {
                socket.getOutputStream().write(b);
                Thread.sleep(4000);
            }
        } catch (IOException | InterruptedException e) {
            // cut off by the server's deadline, or the test is over
        }
    }
}
