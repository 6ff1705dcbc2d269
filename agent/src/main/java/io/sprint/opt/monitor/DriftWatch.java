package io.sprint.opt.monitor;

import io.sprint.opt.action.Drift;
import io.sprint.opt.log.Log;
import io.sprint.opt.threads.AgentThreads;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code drift=report|reapply}: every interval, reads back what the level applied. {@code report}
 * logs each drift once, when it appears (a drift that stays is not logged again; one that goes
 * and comes back is); {@code reapply} also puts the applied value back and logs it. Its own
 * thread ({@code sprint-opt-drift}), asleep between checks.
 */
public final class DriftWatch implements Runnable {
    static final String NAME = "sprint-opt-drift";

    /** The agent's side: what drifted now, and putting it back. */
    public interface Checker {
        List<Drift> check();

        List<String> reapply(List<Drift> drift);
    }

    /** What the watch does with a drift. */
    public enum Mode {
        OFF, REPORT, REAPPLY;

        /** @throws IllegalArgumentException for another word than off, report or reapply */
        public static Mode of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    private final Checker checker;
    private final Set<String> seen = new HashSet<>();
    private volatile Mode mode = Mode.OFF;
    private volatile long intervalNanos;
    private Thread thread;

    public DriftWatch(Checker checker) {
        this.checker = checker;
    }

    /** Runs in {@code mode} every {@code seconds}; OFF stops the thread. */
    public synchronized void run(Mode wanted, int seconds) {
        boolean changed = wanted != mode || TimeUnit.SECONDS.toNanos(seconds) != intervalNanos;
        mode = wanted;
        intervalNanos = TimeUnit.SECONDS.toNanos(seconds);
        if (wanted == Mode.OFF) {
            stop();
        } else if (thread == null) {
            thread = AgentThreads.daemon(NAME, this);
            thread.start();
        }
        if (changed && wanted != Mode.OFF) {
            Log.info("drift watch: %s every %d s (thread %s)", wanted.name().toLowerCase(Locale.ROOT), seconds,
                    NAME);
        }
    }

    public synchronized void stop() {
        mode = Mode.OFF;
        if (thread != null) {
            thread.interrupt();
            thread = null;
            Log.info("drift watch off");
        }
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
                Mode now = mode;
                if (now != Mode.OFF) {
                    check(now);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Log.warn("%s: %s; carrying on", NAME, e);
            }
        }
    }

    void check(Mode now) {
        List<Drift> drift = checker.check();
        Set<String> current = new HashSet<>();
        for (Drift found : drift) {
            current.add(found.toString());
            if (!seen.contains(found.toString())) {
                Log.warn("drift: %s", found);
            }
        }
        seen.retainAll(current);
        seen.addAll(current);
        if (now == Mode.REAPPLY && !drift.isEmpty()) {
            Log.info("drift: put back %s", String.join("; ", checker.reapply(drift)));
            seen.clear();
        }
    }
}
