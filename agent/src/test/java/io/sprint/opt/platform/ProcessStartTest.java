package io.sprint.opt.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessStartTest {
    /** The JDK's number: a journal written by an agent that asked ProcessHandle names the same owner. */
    @Test
    void isTheStartTheJdkGivesForThisProcessAndAChild() throws Exception {
        assertEquals(ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli(),
                ProcessStart.millis(ProcessId.current()));
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertEquals(child.info().startInstant().orElseThrow().toEpochMilli(), ProcessStart.millis(child.pid()));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        assertEquals(-1, ProcessStart.millis(child.pid()), "an ended (and reaped) process has no start");
    }

    @Test
    void aPidNoProcessHasHasNoStart() {
        assertEquals(-1, ProcessStart.millis(Integer.MAX_VALUE));
    }
}
