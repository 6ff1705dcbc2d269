package io.sprint.opt.platform;

/**
 * How late sleeps and timed waits may wake: per thread (slack) or for the process (period). Part of {@link Platform}: what an OS does not override, it refuses with the
 * platform's reason for the capability.
 */
public interface TimerControl {
    default long timerSlackNanos(long tid) throws OsException {
        throw ((Platform) this).unsupported(Capability.TIMER_SLACK);
    }

    default void setTimerSlackNanos(long tid, long nanos) throws OsException {
        throw ((Platform) this).unsupported(Capability.TIMER_SLACK);
    }

    /** The timer period this process holds, in ns; 0 when it holds none. */
    default long timerPeriodNanos() throws OsException {
        throw ((Platform) this).unsupported(Capability.TIMER_PERIOD);
    }

    /** Holds the timer period at {@code nanos} for this process, or releases it (0). */
    default void setTimerPeriodNanos(long nanos) throws OsException {
        throw ((Platform) this).unsupported(Capability.TIMER_PERIOD);
    }
}
