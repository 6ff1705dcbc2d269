package io.sprint.opt.platform.macos;

/**
 * The THREAD_TIME_CONSTRAINT_POLICY a selected thread gets: aperiodic (period 0), up to 1 ms of
 * computation that must finish within 2 ms of becoming runnable, preemptible. A relay thread
 * wakes on a message, works briefly and blocks again; one that keeps running long past its budget
 * without blocking is demoted to timesharing for a while by the kernel's fail-safe, so a spinning
 * thread gains nothing.
 * The computation is half the constraint, the least recent kernels accept without raising it.
 * Mach takes the times in absolute time units, whose length mach_timebase_info gives (1 ns on
 * Intel, 125/3 ns on Apple silicon).
 */
final class TimeConstraint {
    static final long COMPUTATION_NANOS = 1_000_000L;
    static final long CONSTRAINT_NANOS = 2_000_000L;

    private TimeConstraint() {
    }

    /** thread_time_constraint_policy_data_t: period, computation, constraint, preemptible. */
    static int[] policy(int numer, int denom) {
        return new int[] {0, (int) toAbsolute(COMPUTATION_NANOS, numer, denom),
            (int) toAbsolute(CONSTRAINT_NANOS, numer, denom), 1};
    }

    static long toAbsolute(long nanos, int numer, int denom) {
        return nanos * Integer.toUnsignedLong(denom) / Integer.toUnsignedLong(numer);
    }
}
