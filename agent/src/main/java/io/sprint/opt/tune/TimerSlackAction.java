package io.sprint.opt.tune;

import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.threads.ThreadClaims;

/**
 * Latency tuning: timer slack 1 ns for every thread, so sleeps and timed waits wake on time
 * instead of up to 50 µs late. Linux lets a process set another thread's slack
 * (/proc/TID/timerslack_ns) only with CAP_SYS_NICE, which the platform says before trying. A
 * thread switched to SCHED_FIFO/RR reads 0: real-time threads get no slack at all.
 */
public final class TimerSlackAction extends OsSettingAction<PerThread<Long>> {

    public TimerSlackAction(Platform platform, ThreadClaims pinned) {
        super("timer-slack", new Slack(platform, pinned), PerThread.every(1L), platform, Capability.TIMER_SLACK);
    }

    private static final class Slack extends PerThreadSetting<Long> {
        Slack(Platform platform, ThreadClaims pinned) {
            super("timerslack_ns", platform, pinned);
        }

        @Override
        protected Long get(long tid) throws OsException {
            return platform.timerSlackNanos(tid);
        }

        @Override
        protected void set(long tid, Long nanos) throws OsException {
            platform.setTimerSlackNanos(tid, nanos);
        }

        @Override
        protected String display(Long nanos) {
            return nanos + " ns";
        }
    }

}
