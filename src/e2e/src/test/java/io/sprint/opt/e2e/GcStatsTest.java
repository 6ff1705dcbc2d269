package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Stats' GC pause percentiles agree with the pause times the JVM itself logs ({@code -Xlog:gc}). */
class GcStatsTest {
    private static final Pattern PAUSE = Pattern.compile("Pause .*? (\\d+\\.\\d+)ms$");
    private static final Pattern AT_SAFEPOINT = Pattern.compile("Safepoint \"Z[^\"]*\".* At safepoint: (\\d+) ns");

    static Stream<Arguments> jdksAndCollectors() {
        // ZGC logs its (sub-millisecond) pauses under gc+phases; G1 and Parallel under gc.
        return Jdk.targets().stream().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "-XX:+UseG1GC", "gc"),
                Arguments.of(jdk, "-XX:+UseParallelGC", "gc"),
                Arguments.of(jdk, "-XX:+UseZGC", "gc+phases")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndCollectors")
    void pausePercentilesMatchTheJvmsOwnLog(Jdk jdk, String collector, String logTags) throws Exception {
        Path log = Files.createTempFile("gc", ".log");
        // Room enough that nothing but the asked-for collections happens: a young collection
        // between the agent's listening and the log marker below would be in Stats, not in the
        // compared part of the log (G1 and Parallel take -Xmn; ZGC may still warm up at start-up, see below).
        Path safepoints = Files.createTempFile("safepoint", ".log");
        List<String> launch = List.of(collector, "-Xmx1g", "-Xmn256m", "-Xlog:" + logTags + ":file=" + log,
                "-Xlog:safepoint:file=" + safepoints, Artifacts.agentArg("level=basic"));
        // One message a second: next to no allocation, so the collections are the ones asked for.
        try (Target app = Target.start(jdk, launch, List.of("-jar", Artifacts.APP.toString(), "--duration", "60s",
                "--rate", "1"), Map.of())) {
            app.awaitStdout("relay app pid", Duration.ofSeconds(20));
            try (Jmx jmx = Jmx.connect(app.pid())) {
                int before = Files.readAllLines(log).size();
                for (int i = 0; i < 20; i++) {
                    jmx.invoke("triggerGc");
                    // Spaced as an application's pauses are (back to back, waiting notifications
                    // share their sum: within a few per cent, see README).
                    Thread.sleep(50);
                }
                Thread.sleep(500); // notifications are delivered by the JVM's service thread
                List<Double> logged = pausesMs(Files.readAllLines(log), before);
                CompositeData stats = jmx.composite("Stats");
                assertTrue(logged.size() >= 20, "pauses logged: " + logged);
                assertNearRank(logged, 0.50, (Double) stats.get("gc_pause_p50_ms"), "p50");
                if (collector.equals("-XX:+UseZGC")) {
                    assertZgcBracketed(stats, Files.readAllLines(log), Files.readAllLines(safepoints));
                } else {
                    assertNearRank(logged, 0.95, (Double) stats.get("gc_pause_p95_ms"), "p95");
                    assertNearRank(logged, 1.0, (Double) stats.get("gc_pause_max_ms"), "max");
                }
            }
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(safepoints);
        }
    }

    /**
     * Generational ZGC (JDK 23 on) while a recording runs: each pause is JFR's own
     * {@code jdk.GCPhasePause}, not a share of its collection's total. The longest pause Stats
     * report is one JFR recorded, to the microsecond, and the median lies in JFR's middle fifth.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void generationalZgcPausesAreJfrsOwnWhileARecordingRuns(Jdk jdk) throws Exception {
        assumeTrue(jdk.feature() >= 23, "generational ZGC is the only ZGC from JDK 23");
        Path dump = Files.createTempFile("gc", ".jfr");
        List<String> launch = List.of("-XX:+UseZGC", "-Xmx1g", "-XX:StartFlightRecording=settings=default",
                Artifacts.agentArg("level=basic"));
        try (Target app = Target.start(jdk, launch, List.of("-jar", Artifacts.APP.toString(), "--duration", "60s",
                "--rate", "1"), Map.of())) {
            app.awaitStderr("timed one by one by JFR (a recording runs)", Duration.ofSeconds(20));
            try (Jmx jmx = Jmx.connect(app.pid())) {
                for (int i = 0; i < 20; i++) {
                    jmx.invoke("triggerGc");
                    Thread.sleep(50);
                }
                Thread.sleep(3000); // the repository is flushed about once a second
                CompositeData stats = jmx.composite("Stats");
                Run dumped = Run.of(List.of(jdk.jcmd(), Long.toString(app.pid()), "JFR.dump", "filename=" + dump));
                assertEquals(0, dumped.exit(), dumped.toString());
                List<Double> jfr = new ArrayList<>();
                Matcher pause = Pattern.compile("duration = ([\\d.]+) ms\\s+gcId = \\d+\\s+name = \"Pause")
                        .matcher(Run.of(List.of(jdk.home().resolve("bin/jfr").toString(), "print", "--events",
                                "jdk.GCPhasePause", dump.toString())).out());
                while (pause.find()) {
                    jfr.add(Double.parseDouble(pause.group(1)));
                }
                jfr.sort(null);
                assertTrue(jfr.size() >= 60, "20 collections, three pauses each: " + jfr);
                double max = (Double) stats.get("gc_pause_max_ms");
                assertTrue(jfr.stream().anyMatch(ms -> Math.abs(ms - max) <= 0.001 + 0.01 * ms),
                        "the longest pause, " + max + " ms, is one JFR recorded: " + jfr);
                // The recording has a few pauses Stats do not (before the agent listened, after the read).
                double p50 = (Double) stats.get("gc_pause_p50_ms");
                double low = jfr.get((int) (0.4 * jfr.size()));
                double high = jfr.get((int) (0.6 * jfr.size()));
                assertTrue(p50 >= low - 0.001 && p50 <= high + 0.001, "p50 " + p50 + " ms, JFR's 40th to 60th "
                        + "percentile " + low + " to " + high + " ms: " + jfr);
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /**
     * ZGC's pauses are tens of microseconds, a few per collection, and a pause is exact only when
     * its notification is handled before the collector's next pause ends: generational ZGC
     * announces a collection's pauses together at its end, and on a busy machine the JVM's
     * service thread delivers late. Waiting pauses share their exact total (README). What holds
     * whatever the timing: microseconds, not whole milliseconds; the total kept, so the longest
     * reading is at least the mean logged pause; and no reading longer than the longest time a
     * ZGC operation held the JVM at a safepoint (the counter's span lies inside it, while the
     * gc+phases timer covers a little less than the counter: on a preempted VM thread, a lot less).
     * All since start-up: a warm-up collection may run before the marker, and Stats count it.
     */
    private static void assertZgcBracketed(CompositeData stats, List<String> gcLog, List<String> safepointLog) {
        List<Double> all = pausesMs(gcLog, 0);
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double longestAtSafepoint = safepointLog.stream().map(AT_SAFEPOINT::matcher).filter(Matcher::find)
                .mapToDouble(m -> Long.parseLong(m.group(1)) / 1e6).max().orElse(0);
        double p50 = (Double) stats.get("gc_pause_p50_ms");
        double max = (Double) stats.get("gc_pause_max_ms");
        String seen = "Stats p50 " + p50 + " max " + max + " ms; mean logged " + mean + ", longest at a ZGC safepoint "
                + longestAtSafepoint + "; logged pauses " + all;
        assertTrue(p50 > 0, "whole milliseconds: " + seen);
        assertTrue(max >= mean - 0.002, "the total was lost: " + seen);
        assertTrue(max <= longestAtSafepoint + 0.002, "longer than any ZGC safepoint: " + seen);
    }

    private static List<Double> pausesMs(List<String> lines, int from) {
        List<Double> pauses = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            Matcher matcher = PAUSE.matcher(line);
            if (matcher.find()) {
                pauses.add(Double.parseDouble(matcher.group(1)));
            }
        }
        pauses.sort(null);
        return pauses;
    }

    /**
     * HotSpot's log and its pause counters time a pause over slightly different spans: a few
     * microseconds apart on a quiet machine, more for the one pause whose VM thread was preempted
     * between the two on a busy one. One such pause moves a percentile by at most one rank, so the
     * reading must lie within the logged values one rank either side (each within 0.02 ms + 3 %).
     */
    private static void assertNearRank(List<Double> sorted, double quantile, double reported, String what) {
        int at = Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1);
        double low = sorted.get(Math.max(0, at - 1));
        double high = sorted.get(Math.min(sorted.size() - 1, at + 1));
        assertTrue(reported >= low - tolerance(low) && reported <= high + tolerance(high), what + ": -Xlog:gc says "
                + sorted.get(at) + " ms (" + low + " to " + high + " a rank either side), Stats " + reported
                + " ms; logged pauses " + sorted);
        assertEquals(reported, Math.round(reported * 1000) / 1000.0, "Stats keep microseconds");
    }

    private static double tolerance(double millis) {
        return 0.02 + 0.03 * millis;
    }
}
