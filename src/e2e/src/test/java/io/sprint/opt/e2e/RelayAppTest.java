package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The workload the benchmarks measure: its threads, its figures and its histogram file. */
class RelayAppTest {
    private static final Pattern RESULT = Pattern.compile("(?m)^result tx_s=(\\d+) p50_us=([0-9.]+) p95_us=([0-9.]+)"
            + " p99_us=([0-9.]+) p999_us=([0-9.]+) max_us=([0-9.]+) gc_pauses=\\d+ gc_pause_total_ms=\\d+"
            + " gc_pause_max_ms=\\d+ cpu_pct=[0-9.]+ heap_mb=\\d+ rss_mb=\\d+$");

    @Test
    void runsTheSeedsShapeAndReportsItsFigures() throws Exception {
        Path histogram = Files.createTempFile("relay", ".hgrm");
        Jdk jdk = Jdk.targets().get(0);
        try (Target app = Target.start(jdk, List.of(), List.of("-jar", Artifacts.APP.toString(), "--duration", "3s",
                "--warmup", "1s", "--rate", "1000", "--relays", "3", "--mempools", "2", "--payload", "512",
                "--block-size", "100", "--histogram", histogram.toString()), Map.of())) {
            app.awaitStdout("warm-up   1s", Duration.ofSeconds(20));
            Set<String> names = OsState.threadsByName(app.pid()).keySet();
            for (String name : List.of("tx-source", "mempool-0", "mempool-1", "blockchain-0", "relay-0", "relay-1",
                    "relay-2", "peer-0", "peer-1", "peer-2")) {
                assertTrue(names.contains(name), name + " missing: " + names);
            }
            assertEquals(0, app.waitFor(Duration.ofSeconds(20)), app.stderr());
            String out = app.stdout();
            assertTrue(out.contains("  warm-up   1s"), out);
            assertTrue(out.matches("(?s).*\\n +3s +\\d+ tx/s +latency us p50.*"), out);
            assertTrue(out.contains("dropped"), out);
            assertTrue(out.matches("(?s).*relay app: \\d+ blocks chained, \\d+ announcements received; GC \\d+ pauses.*"),
                    out);
            Matcher result = RESULT.matcher(out);
            assertTrue(result.find(), out);
            int txPerSecond = Integer.parseInt(result.group(1));
            assertTrue(txPerSecond > 900 && txPerSecond < 1100, "tx/s " + txPerSecond);
            double p50 = Double.parseDouble(result.group(2));
            double max = Double.parseDouble(result.group(6));
            assertTrue(p50 > 0 && p50 <= max, out);
            String distribution = Files.readString(histogram);
            assertTrue(distribution.contains("Value     Percentile TotalCount 1/(1-Percentile)"), distribution);
            assertTrue(distribution.contains("#[Max     ="), distribution);
        } finally {
            Files.deleteIfExists(histogram);
        }
    }
}
