package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // compared part of the log (G1 and Parallel take -Xmn; ZGC's warm-up cycles start at 10 %).
        List<String> launch = List.of(collector, "-Xmx1g", "-Xmn256m", "-Xlog:" + logTags + ":file=" + log,
                Artifacts.agentArg("level=basic"));
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
                assertClose(rank(logged, 0.50), (Double) stats.get("gc_pause_p50_ms"), "p50", logged);
                if (collector.equals("-XX:+UseZGC") && jdk.feature() >= 21) {
                    // Generational ZGC announces a collection's pauses together when it ends:
                    // their total is exact, each pause the total's share (README). So no pause
                    // reads longer than the longest logged one, and the tail is not compared.
                    double max = (Double) stats.get("gc_pause_max_ms");
                    assertTrue(max <= rank(logged, 1.0) + 0.02, "max " + max + " ms; logged pauses " + logged);
                } else {
                    assertClose(rank(logged, 0.95), (Double) stats.get("gc_pause_p95_ms"), "p95", logged);
                    assertClose(rank(logged, 1.0), (Double) stats.get("gc_pause_max_ms"), "max", logged);
                }
            }
        } finally {
            Files.deleteIfExists(log);
        }
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

    private static double rank(List<Double> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** HotSpot's log and its pause counters bracket a pause a few microseconds apart. */
    private static void assertClose(double logged, double reported, String what, List<Double> all) {
        double tolerance = 0.02 + 0.03 * logged;
        assertTrue(Math.abs(logged - reported) <= tolerance,
                what + ": -Xlog:gc says " + logged + " ms, Stats " + reported + " ms; logged pauses " + all);
        assertEquals(reported, Math.round(reported * 1000) / 1000.0, "Stats keep microseconds");
    }
}
