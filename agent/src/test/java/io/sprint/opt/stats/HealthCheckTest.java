package io.sprint.opt.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sprint.opt.config.OptionsParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private static Stats stats(boolean applied, double gcCpuFraction, int threads, double hiccupP99Ms) {
        return new Stats(applied, "basic", 2, 2, threads, 10, 100, 200, 3, gcCpuFraction, 1, 2, 3, 4, 5, hiccupP99Ms, 0,
                "17", 60);
    }

    @Test
    void healthFollowsTheSeedsThresholds() {
        HealthCheck.Thresholds seed = HealthCheck.Thresholds.of(OptionsParser.parse(""));
        assertEquals(new HealthCheck.Thresholds(0.2, 10_000, 100), seed, "the seed's, and 100 ms of hiccup p99");
        assertEquals(List.of(), HealthCheck.reasons(stats(true, 0.1, 50, -1), seed));
        assertEquals(List.of("optimizations not applied", "high GC pressure: gc_cpu_fraction 0.30 > 0.20 (health.gc)",
                        "potential thread leak: 10001 threads > 10000 (health.threads)"),
                HealthCheck.reasons(stats(false, 0.3, 10_001, -1), seed));
    }

    @Test
    void healthThresholdsAreOptions() {
        HealthCheck.Thresholds tight = HealthCheck.Thresholds.of(OptionsParser.parse("health.gc=0.05,health.threads=40"));
        assertEquals(List.of("high GC pressure: gc_cpu_fraction 0.10 > 0.05 (health.gc)",
                        "potential thread leak: 50 threads > 40 (health.threads)"),
                HealthCheck.reasons(stats(true, 0.1, 50, -1), tight));
    }

    /** What the meter reads right after a 5 s stop of the whole JVM (kill -STOP, a long safepoint). */
    @Test
    void aLongStallIsUnhealthyOnlyWithTheHiccupMeterOn() {
        HealthCheck.Thresholds seed = HealthCheck.Thresholds.of(OptionsParser.parse(""));
        assertEquals(List.of("long stalls: hiccup_p99_ms 4882.0 > 100.0 (health.hiccup)"),
                HealthCheck.reasons(stats(true, 0.01, 50, 4882.0), seed));
        assertEquals(List.of(), HealthCheck.reasons(stats(true, 0.01, 50, -1), seed), "-1: the meter is off");
        HealthCheck.Thresholds strict = HealthCheck.Thresholds.of(OptionsParser.parse("health.hiccup=2"));
        assertEquals(List.of("long stalls: hiccup_p99_ms 2.5 > 2.0 (health.hiccup)"),
                HealthCheck.reasons(stats(true, 0.01, 50, 2.5), strict));
    }
}
