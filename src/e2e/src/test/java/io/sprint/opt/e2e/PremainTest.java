package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code -javaagent} at start-up: applied, visible over plain JMX and the CLI, restored exactly. */
class PremainTest {
    static final Set<String> STATS_KEYS = new TreeSet<>(List.of("applied", "level", "num_cpu", "max_threads",
            "num_threads", "daemon_threads", "heap_alloc_mb", "heap_sys_mb", "num_gc", "gc_cpu_fraction",
            "gc_pause_p50_ms", "gc_pause_p95_ms", "gc_pause_p99_ms", "gc_pause_max_ms", "alloc_rate_mb_s",
            "hiccup_p99_ms", "pinned_threads", "java_version", "uptime_s"));
    static final Set<String> SYSTEM_INFO_KEYS = new TreeSet<>(List.of("os", "arch", "java_version", "vm_name", "gc",
            "num_cpu", "cpus_allowed", "cpu_pool", "isolated_cpus", "nohz_full_cpus", "threads_per_core", "cpu_quota",
            "memory_limit_mb", "max_heap_mb", "numa_nodes", "thp_mode", "rt_capable", "memlock_capable",
            "optimal_threads"));

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void enterpriseAtStartUpThenRestoreReturnsTheLaunchValues(Jdk jdk) throws Exception {
        List<String> launch = List.of("-XX:+UseG1GC", "-XX:MinHeapFreeRatio=30", "-XX:MaxHeapFreeRatio=60",
                "-XX:G1PeriodicGCInterval=15000", Artifacts.agentArg("level=enterprise"));
        try (Target app = Target.relayApp(jdk, launch, 60)) {
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("enterprise", jmx.get("Level"));
                assertEquals(true, jmx.get("Applied"));
                assertEquals("level=enterprise", jmx.get("Options"));
                assertEquals("applied", jmx.action("heap-free-ratio").get("status"));
                assertEquals("MinHeapFreeRatio/MaxHeapFreeRatio 30/60 → 10/20 (G1 resizes to it after remark and full GC)",
                        jmx.action("heap-free-ratio").get("detail"));
                assertEquals("skipped", jmx.action("soft-max-heap").get("status"), "G1 ignores SoftMaxHeapSize");
                assertEquals("skipped", jmx.action("collector").get("status"));
                assertEquals(STATS_KEYS, Jmx.keys(jmx.composite("Stats")));
                assertEquals("enterprise", jmx.composite("Stats").get("level"));
                assertEquals(SYSTEM_INFO_KEYS, Jmx.keys(jmx.composite("SystemInfo")));
                assertEquals("G1", jmx.composite("SystemInfo").get("gc"));
                assertEquals(1, jmx.registrations());
            }
            // the MBean is registered after the level is applied: the flags are in place now
            Map<String, String> flags = VmFlags.read(jdk, app.pid());
            assertEquals("10", flags.get("MinHeapFreeRatio"));
            assertEquals("20", flags.get("MaxHeapFreeRatio"));
            assertEquals("0", flags.get("G1PeriodicGCInterval"));

            Run status = Run.cli("status", Long.toString(app.pid()));
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.out().contains("level enterprise, applied true"), status.out());
            assertTrue(status.out().contains("heap_alloc_mb"), status.out());

            Run json = Run.cli("status", Long.toString(app.pid()), "--json");
            assertEquals(0, json.exit(), json.toString());
            assertTrue(json.out().startsWith("{\"pid\":" + app.pid() + ",\"Level\":\"enterprise\",\"Applied\":true,"),
                    json.out());

            Run health = Run.cli("health", Long.toString(app.pid()));
            assertEquals(0, health.exit(), health.toString());
            assertEquals("healthy", health.out().trim());

            Run restore = Run.cli("restore", Long.toString(app.pid()));
            assertEquals(0, restore.exit(), restore.toString());
            flags = VmFlags.read(jdk, app.pid());
            assertEquals("30", flags.get("MinHeapFreeRatio"));
            assertEquals("60", flags.get("MaxHeapFreeRatio"));
            assertEquals("15000", flags.get("G1PeriodicGCInterval"));

            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("none", jmx.get("Level"));
                assertEquals(false, jmx.get("Applied"));
                assertEquals("restored", jmx.action("heap-free-ratio").get("status"));
            }
            Run unhealthy = Run.cli("health", Long.toString(app.pid()));
            assertEquals(1, unhealthy.exit(), unhealthy.toString());
            assertEquals("optimizations not applied", unhealthy.out().trim());
            assertFalse(app.stderr().contains("WARNING"), app.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void zgcHonoursSoftMaxHeapSizeAndGetsItBack(Jdk jdk) throws Exception {
        List<String> launch = List.of("-XX:+UseZGC", "-Xmx512m", "-XX:SoftMaxHeapSize=400m",
                Artifacts.agentArg("level=turbo"));
        try (Target app = Target.relayApp(jdk, launch, 60)) {
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals(Long.toString(512L * 1024 * 1024 / 100 * 95 / (1 << 20) * (1 << 20)),
                        VmFlags.read(jdk, app.pid()).get("SoftMaxHeapSize"));
                assertEquals("applied", jmx.action("soft-max-heap").get("status"));
                assertEquals("SoftMaxHeapSize 400M → 486M", jmx.action("soft-max-heap").get("detail"));
                assertEquals("skipped", jmx.action("heap-free-ratio").get("status"));
                assertEquals("launch flag -XX:+UseZGC already in force", jmx.action("collector").get("detail"));
                assertEquals("ZGC", jmx.composite("SystemInfo").get("gc"));
                jmx.invoke("restore");
            }
            assertEquals(Long.toString(400L << 20), VmFlags.read(jdk, app.pid()).get("SoftMaxHeapSize"));
        }
    }

    /**
     * A jlinked runtime such as the Dockerfile's, without jdk.jfr: the agent must not even load a
     * JFR class there (it once failed whole, from a class that merely referred to one).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void theDockerfilesRuntimeWithoutJfrGetsEverythingElse(Jdk jdk) throws Exception {
        Matcher modules = Pattern.compile("--add-modules (\\S+)").matcher(
                Files.readString(Path.of(System.getProperty("sprint.opt.root", "../..")).resolve("Dockerfile")));
        assertTrue(modules.find(), "the Dockerfile's jlink line");
        String withoutJfr = modules.group(1).replace(",jdk.jfr", "");
        List<String> launch = List.of("--limit-modules", withoutJfr, "-XX:+UseZGC",
                Artifacts.agentArg("level=enterprise,pin=relay-*,hiccup=true,gc.jfr=true,log=debug"));
        try (Target app = Target.relayApp(jdk, launch, 60)) {
            app.awaitStderr("JFR events off: no jdk.jfr module", Duration.ofSeconds(20));
            app.awaitPinned("relay-0", Duration.ofSeconds(10));
            Run status = Run.cli("status", Long.toString(app.pid()), "--json");
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.out().contains("\"Level\":\"enterprise\",\"Applied\":true"), status.out());
            assertTrue(status.out().contains("\"gc_pause_max_ms\""), status.out());
            assertFalse(app.stderr().contains("ERROR"), app.stderr());
            assertFalse(app.stderr().contains("NoClassDefFoundError"), app.stderr());
        }
    }

    /**
     * A jlinked runtime without java.logging, which JNA and Micrometer need: the level applies what
     * it can, and the log names the absent class and the modules to add, not a guess about the
     * temp directory ("Could not initialize class com.sun.jna.Native" is all JNA says after its
     * first failure).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aRuntimeWithoutJavaLoggingIsToldWhichModuleToAdd(Jdk jdk) throws Exception {
        List<String> launch = List.of("--limit-modules", "java.base,java.instrument,java.management,jdk.management",
                Artifacts.agentArg("level=enterprise,pin=relay-*"));
        try (Target app = Target.relayApp(jdk, launch, 60)) {
            app.awaitStderr("level enterprise applied", Duration.ofSeconds(20));
            app.awaitStdout("tx/s", Duration.ofSeconds(10));
            String log = app.stderr();
            assertTrue(log.contains("JNA could not start: this Java runtime has no java/util/logging/Level (a jlinked"
                    + " runtime without its module? the agent needs java.management, jdk.management and java.logging"),
                    log);
            assertFalse(log.contains("noexec"), log);
        }
    }
}
