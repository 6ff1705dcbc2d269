package io.sprint.opt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiccupMeterTest {
    @Test
    void aStallAlsoCountsTheWaitsItHid() {
        HiccupMeter meter = new HiccupMeter();
        List<Long> seen = new ArrayList<>();
        meter.addSink(seen::add);
        meter.record(3_500_000);
        assertEquals(List.of(3_500_000L, 2_500_000L, 1_500_000L), seen);
        seen.clear();
        meter.record(40_000);
        meter.record(-5);
        assertEquals(List.of(40_000L, 0L), seen);
    }

    @Test
    void percentilesCoverTheRolledWindowOnly() {
        HiccupMeter meter = new HiccupMeter();
        assertEquals(0, meter.p99Millis());
        for (int i = 0; i < 990; i++) {
            meter.record(50_000);
        }
        for (int i = 0; i < 10; i++) {
            meter.record(900_000);
        }
        assertEquals(0, meter.p99Millis(), "nothing rolled in yet");
        meter.roll();
        assertEquals(1000, meter.count());
        assertEquals(0.05, meter.p99Millis(), 0.001);
        meter.record(1_000_000);
        meter.roll();
        assertTrue(meter.p99Millis(1) >= 0.99, "the last second alone: " + meter.p99Millis(1));
        for (int i = 0; i < HiccupMeter.WINDOW_SECONDS; i++) {
            meter.roll();
        }
        assertEquals(0, meter.count(), "a minute of empty seconds pushes everything out");
    }

    @Test
    void samplingMeasuresARealSleep() {
        HiccupMeter meter = new HiccupMeter();
        List<Long> seen = new ArrayList<>();
        meter.addSink(seen::add);
        for (int i = 0; i < 20; i++) {
            meter.sample();
        }
        assertTrue(seen.size() >= 20);
        assertTrue(seen.stream().allMatch(n -> n >= 0), seen.toString());
    }
}
