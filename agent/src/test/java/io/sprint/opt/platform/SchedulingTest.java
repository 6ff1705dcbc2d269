package io.sprint.opt.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.platform.Scheduling.Policy;
import org.junit.jupiter.api.Test;

/** Each OS's policies as users read them, and the priorities each one admits. */
class SchedulingTest {
    @Test
    void linuxPoliciesKeepTheirNumbersAndChrtNames() {
        assertEquals(Policy.FIFO, Policy.ofLinux(1));
        assertEquals(Policy.IDLE, Policy.ofLinux(5));
        assertThrows(IllegalArgumentException.class, () -> Policy.ofLinux(-1));
        assertThrows(IllegalStateException.class, Policy.WINDOWS_PRIORITY::linux);
        assertEquals("SCHED_FIFO 10", Scheduling.realTime(Policy.FIFO, 10).toString());
        assertEquals("SCHED_OTHER", Scheduling.NORMAL.toString());
        assertThrows(IllegalArgumentException.class, () -> new Scheduling(Policy.RR, 0));
        assertThrows(IllegalArgumentException.class, () -> new Scheduling(Policy.OTHER, 5));
    }

    @Test
    void windowsPrioritiesAreReadAsGetThreadPriorityReturnsThem() {
        assertEquals("THREAD_PRIORITY_NORMAL", Scheduling.windows(0).toString());
        assertEquals("THREAD_PRIORITY_HIGHEST", Scheduling.windows(2).toString());
        assertEquals("THREAD_PRIORITY 5", Scheduling.windows(5).toString(), "real-time class values have no name");
        Scheduling critical = Scheduling.windows(15);
        assertEquals(Policy.WINDOWS_TIME_CRITICAL, critical.policy());
        assertTrue(critical.policy().realTime());
        assertFalse(Scheduling.windows(2).policy().realTime());
        assertEquals("THREAD_PRIORITY_TIME_CRITICAL", critical.toString());
        assertThrows(IllegalArgumentException.class, () -> new Scheduling(Policy.WINDOWS_PRIORITY, 15));
        assertThrows(IllegalArgumentException.class, () -> Scheduling.windows(-16));
    }

    @Test
    void machPoliciesHaveNoPriority() {
        assertEquals("THREAD_TIME_CONSTRAINT_POLICY", new Scheduling(Policy.MACH_TIME_CONSTRAINT, 0).toString());
        assertTrue(Policy.MACH_TIME_CONSTRAINT.realTime());
        assertEquals("THREAD_STANDARD_POLICY", new Scheduling(Policy.MACH_STANDARD, 0).toString());
        assertThrows(IllegalArgumentException.class, () -> new Scheduling(Policy.MACH_TIME_CONSTRAINT, 10));
    }
}
