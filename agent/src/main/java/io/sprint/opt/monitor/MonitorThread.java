package io.sprint.opt.monitor;

import io.sprint.opt.log.Log;
import io.sprint.opt.threads.AgentThreads;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread ({@code sprint-opt-monitor}) behind the hiccup meter and adaptive tuning:
 * it samples hiccups back to back, rolls their window every second and lets the tuner decide
 * when its window has passed. Runs while either is on.
 */
public final class MonitorThread implements Runnable {
    static final String NAME = "sprint-opt-monitor";
    private static final long SECOND = 1_000_000_000L;
    /** How often the loop looks at the tuner when no hiccups are sampled. */
    private static final long IDLE_NANOS = 100_000_000L;

    private volatile HiccupMeter hiccups;
    private volatile AdaptiveTuner tuner;
    private Thread thread;

    /** Runs what is not null; stops the thread when both are. */
    public synchronized void run(HiccupMeter hiccupMeter, AdaptiveTuner adaptiveTuner) {
        hiccups = hiccupMeter;
        tuner = adaptiveTuner;
        if (hiccupMeter == null && adaptiveTuner == null) {
            stop();
        } else if (thread == null) {
            thread = AgentThreads.daemon(NAME, this);
            thread.start();
        }
    }

    public synchronized void stop() {
        hiccups = null;
        tuner = null;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    @Override
    public void run() {
        long nextRoll = System.nanoTime() + SECOND;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                HiccupMeter meter = hiccups;
                if (meter != null) {
                    meter.sample();
                } else {
                    LockSupport.parkNanos(IDLE_NANOS);
                }
                long now = System.nanoTime();
                if (now >= nextRoll) {
                    if (meter != null) {
                        meter.roll();
                    }
                    nextRoll = Math.max(nextRoll + SECOND, now);
                }
                AdaptiveTuner adaptive = tuner;
                if (adaptive != null) {
                    adaptive.maybeTick(now);
                }
            } catch (RuntimeException e) {
                Log.warn("%s: %s; carrying on", NAME, e);
                LockSupport.parkNanos(SECOND);
            }
        }
    }
}
