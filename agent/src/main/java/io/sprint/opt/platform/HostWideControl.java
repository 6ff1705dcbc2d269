package io.sprint.opt.platform;

import java.util.List;

/**
 * Settings of the whole host rather than of this process: how deep idle CPUs may sleep, and where
 * interrupts land. Part of {@link Platform}: what an OS does not override, it refuses with the
 * platform's reason for the capability.
 */
public interface HostWideControl {
    /** The idle-state limit in force on the host, µs: the strictest request of any process. */
    default long idleLimitMicros() throws OsException {
        throw ((Platform) this).unsupported(Capability.IDLE_LIMIT);
    }

    /**
     * Holds this process's request that no CPU take longer than {@code micros} to wake, replacing
     * its earlier one; a negative value drops the request. The kernel drops it too when the
     * process ends, {@code kill -9} included: nothing is left behind.
     */
    default void requestIdleLimit(long micros) throws OsException {
        throw ((Platform) this).unsupported(Capability.IDLE_LIMIT);
    }

    /** This process's request, µs, or -1 when it holds none. */
    default long idleLimitRequest() {
        return -1;
    }

    /** The file that limits how long {@code cpu} may take to wake from idle. */
    default HostFile resumeLatency(int cpu) throws OsException {
        throw ((Platform) this).unsupported(Capability.CPU_RESUME_LATENCY);
    }

    /** Its strictest value: no wake-up latency accepted, so the CPU never enters an idle state. */
    default String strictestResumeLatency() {
        return "n/a";
    }

    /** Each interrupt's CPUs, by IRQ number order. */
    default List<HostFile> irqAffinities() throws OsException {
        throw ((Platform) this).unsupported(Capability.IRQ_AFFINITY);
    }

    /** The CPUs interrupts registered from now on get. */
    default HostFile defaultIrqAffinity() throws OsException {
        throw ((Platform) this).unsupported(Capability.IRQ_AFFINITY);
    }

    /** The pid of a running daemon that moves interrupts by itself (irqbalance), or 0. */
    default long irqBalancer() {
        return 0;
    }
}
