package io.sprint.opt.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which per-CPU kernel thread a comm names: doctor sums their CPU time per dedicated core. */
class LatencyKnobChecksTest {
    @Test
    void perCpuKernelThreadsByTheirComm() {
        assertEquals(1, LatencyKnobChecks.kernelThreadCpu("ksoftirqd/1"));
        assertEquals(12, LatencyKnobChecks.kernelThreadCpu("kworker/12:0H"));
        assertEquals(3, LatencyKnobChecks.kernelThreadCpu("kworker/3:2-events"));
        assertEquals(-1, LatencyKnobChecks.kernelThreadCpu("kworker/u8:1-flush-8:0"), "unbound: no CPU of its own");
        assertEquals(-1, LatencyKnobChecks.kernelThreadCpu("kworker/R-rcu_gp"));
        assertEquals(-1, LatencyKnobChecks.kernelThreadCpu("java"));
    }
}
