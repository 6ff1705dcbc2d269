package io.sprint.opt.os;

import java.util.function.LongPredicate;
import io.sprint.opt.platform.Remedies;

import io.sprint.opt.platform.HostProbe;
import io.sprint.opt.platform.Platform;

/**
 * Latency tuning: timer slack 1 ns for every thread, so sleeps and timed waits wake on time
 * instead of up to 50 µs late. Linux lets a process set another thread's slack
 * (/proc/TID/timerslack_ns) only with CAP_SYS_NICE. A thread switched to SCHED_FIFO/RR reads 0:
 * real-time threads get no slack at all.
 */
final class TimerSlackAction extends OsSettingAction<PerThread<Long>> {
    private static final int CAP_SYS_NICE = 23;
    private final HostProbe host;

    TimerSlackAction(Platform platform, HostProbe host, LongPredicate pinned) {
        super("timer-slack", setting(platform, pinned), PerThread.every(1L), Remedies.SYS_NICE);
        this.host = host;
    }

    private static PerThreadSetting<Long> setting(Platform platform, LongPredicate pinned) {
        return new PerThreadSetting<>("timerslack_ns", platform, platform::timerSlackNanos,
                platform::setTimerSlackNanos, nanos -> nanos + " ns", pinned);
    }

    @Override
    protected String skipReason() {
        return HostProbe.isLinux() && !host.hasCapability(CAP_SYS_NICE)
                ? "other threads' timer slack can be read and set only with CAP_SYS_NICE; " + Remedies.SYS_NICE
                : null;
    }
}
