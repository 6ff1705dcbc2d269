package io.sprint.opt.platform.macos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The time-constraint policy in Mach's absolute time units, for both timebases Macs have. */
class TimeConstraintTest {
    @Test
    void intelCountsNanoseconds() {
        assertArrayEquals(new int[] {0, 1_000_000, 2_000_000, 1}, TimeConstraint.policy(1, 1));
    }

    @Test
    void appleSiliconCounts24MegahertzTicks() {
        // mach_timebase_info there is 125/3: one tick is 41.67 ns
        assertArrayEquals(new int[] {0, 24_000, 48_000, 1}, TimeConstraint.policy(125, 3));
        assertEquals(24_000_000L, TimeConstraint.toAbsolute(1_000_000_000L, 125, 3), "one second");
    }
}
