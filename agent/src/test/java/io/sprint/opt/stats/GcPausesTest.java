package io.sprint.opt.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcPausesTest {
    private static GcPauses pauses() {
        return new GcPauses(Map.of(), List.of());
    }

    /** Microsecond resolution, three significant digits: exact for these. */
    @Test
    void percentilesToTheMicrosecond() {
        GcPauses pauses = pauses();
        for (int us = 1; us <= 100; us++) {
            pauses.record("test", us * 1000L + 400); // the sub-microsecond rest is below the resolution
        }
        GcPauses.Summary summary = pauses.summary();
        assertEquals(100, summary.count());
        assertEquals(50_000, summary.p50());
        assertEquals(95_000, summary.p95());
        assertEquals(99_000, summary.p99());
        assertEquals(100_000, summary.max());
        assertEquals(0.1, GcPauses.Summary.millis(summary.max()));
    }

    @Test
    void noPausesAreZeros() {
        assertEquals(new GcPauses.Summary(0, 0, 0, 0, 0), pauses().summary());
    }

    /** Every pause since listening began counts, read between recordings or not. */
    @Test
    void everyPauseSoFarCounts() {
        GcPauses pauses = pauses();
        for (int i = 0; i < 10_000; i++) {
            pauses.record("test", i < 5_000 ? 2_000_000 : 10_000);
            if (i % 1000 == 0) {
                pauses.summary();
            }
        }
        GcPauses.Summary summary = pauses.summary();
        assertEquals(10_000, summary.count());
        assertEquals(2.0, GcPauses.Summary.millis(summary.max()), 0.002);
        assertEquals(0.01, GcPauses.Summary.millis(summary.p50()), 0.0001);
    }

    @Test
    void everyPauseReachesTheSinks() {
        GcPauses pauses = pauses();
        List<Long> seen = new ArrayList<>();
        pauses.addSink((collector, nanos) -> seen.add(nanos));
        pauses.record("G1 Young Generation", 1500);
        pauses.record("G1 Young Generation", 250_000);
        assertEquals(List.of(1500L, 250_000L), seen);
        assertEquals(0.25, GcPauses.Summary.millis(pauses.summary().max()));
    }

    /** Surefire exports java.management's counters to the tests, as the agent does with its Instrumentation. */
    @Test
    void hotSpotCountersTimeRealPausesBelowAMillisecond() throws Exception {
        GcPauses pauses = GcPauses.listen(null);
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        pauses.addSink((collector, nanos) -> seen.add(nanos));
        try {
            assertTrue(pauses.precise(), "HotSpot's pause counters were not found");
            for (int i = 0; i < 5; i++) {
                System.gc();
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (seen.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(seen.size() >= 5, "pauses seen: " + seen);
            // Whole milliseconds would all be multiples of 1,000,000 ns.
            assertTrue(seen.stream().anyMatch(n -> n % 1_000_000 != 0), "pauses seen: " + seen);
            assertTrue(seen.stream().allMatch(n -> n > 0 && n < 5_000_000_000L), "pauses seen: " + seen);
        } finally {
            pauses.close();
        }
    }

    @Test
    void cycleBeansAreNotPauses() {
        assertTrue(GcPauses.isPauseBean("G1 Young Generation"));
        assertTrue(GcPauses.isPauseBean("ZGC Major Pauses"));
        assertFalse(GcPauses.isPauseBean("ZGC Major Cycles"));
        assertFalse(GcPauses.isPauseBean("Shenandoah Cycles"));
    }

    @Test
    void optimalThreadsReserveHousekeeping() {
        assertEquals(1, SystemInfo.optimalThreads(1));
        assertEquals(1, SystemInfo.optimalThreads(2));
        assertEquals(15, SystemInfo.optimalThreads(16));
        assertEquals(30, SystemInfo.optimalThreads(32));
    }
}
