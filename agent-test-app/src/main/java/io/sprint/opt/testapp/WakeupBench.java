package io.sprint.opt.testapp;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Wake-up latency between two relay threads: relay-signal wakes relay-wakee every 200 µs and
 * relay-wakee records how long after the unpark it actually runs. Under CPU contention from other
 * processes this is the scheduler's delay, what dedicated cores and a real-time policy remove.
 * Warms up long enough for the agent to apply its level, then prints one line:
 * {@code wake-up us p50 4.1 p99 9.8 p99.9 15.2 max 40.0 p99.99 31.0 (n 15000, hook on)}.
 * Usage: WakeupBench [SECONDS]
 */
public final class WakeupBench {
    private static final long PERIOD_NANOS = 200_000;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static volatile long signalled;
    private static volatile boolean measuring;
    private static volatile boolean done;

    private WakeupBench() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        LatencyRecorder latency = new LatencyRecorder();
        Thread wakee = new Thread(() -> {
            long seen = 0;
            while (!done) {
                LockSupport.park();
                long at = signalled;
                if (at != seen) {
                    if (measuring) {
                        latency.record(System.nanoTime() - at);
                    }
                    seen = at;
                }
            }
        }, "relay-wakee");
        Thread signal = new Thread(() -> {
            while (!done) {
                LockSupport.parkNanos(PERIOD_NANOS);
                signalled = System.nanoTime();
                LockSupport.unpark(wakee);
            }
        }, "relay-signal");
        wakee.start();
        signal.start();
        Thread.sleep(WARMUP_NANOS / 1_000_000);
        measuring = true;
        Thread.sleep(seconds * 1000);
        measuring = false;
        done = true;
        LockSupport.unpark(wakee);
        signal.join();
        wakee.join();
        // p99.99 after max: scripts read the first fields by position
        System.out.printf(Locale.ROOT, "wake-up us p50 %.1f p99 %.1f p99.9 %.1f max %.1f p99.99 %.1f (n %d, hook %s)%n",
                latency.percentile(0.5) / 1e3, latency.percentile(0.99) / 1e3, latency.percentile(0.999) / 1e3,
                latency.max() / 1e3, latency.percentile(0.9999) / 1e3, latency.count(), ThreadStartBench.hook());
    }
}
