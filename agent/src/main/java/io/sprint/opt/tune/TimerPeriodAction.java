package io.sprint.opt.tune;

import io.sprint.opt.action.Setting;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;

/**
 * Latency tuning where the OS sharpens timers per process, not per thread (Windows): hold a 1 ms
 * timer period (timeBeginPeriod(1)) so sleeps and timed waits wake within a millisecond instead
 * of a 15.6 ms tick; restore releases it (timeEndPeriod). Windows keeps no per-process reading of
 * the request, so the platform answers from the calls that succeeded, and each call's own result
 * is the check.
 */
public final class TimerPeriodAction extends OsSettingAction<Long> {
    static final long ONE_MILLISECOND = 1_000_000L;

    public TimerPeriodAction(Platform platform) {
        super("timer-period", new Period(platform), ONE_MILLISECOND, platform, Capability.TIMER_PERIOD);
    }

    private static final class Period implements Setting<Long> {
        private final Platform platform;

        Period(Platform platform) {
            this.platform = platform;
        }

        @Override
        public String key() {
            return "timer period";
        }

        @Override
        public Long read() throws OsException {
            return platform.timerPeriodNanos();
        }

        @Override
        public void write(Long nanos) throws OsException {
            platform.setTimerPeriodNanos(nanos);
        }

        @Override
        public String format(Long nanos) {
            return nanos == 0 ? "none held" : nanos % 1_000_000 == 0 ? nanos / 1_000_000 + " ms" : nanos / 1e6 + " ms";
        }
    }
}
