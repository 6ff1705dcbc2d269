package io.sprint.opt.monitor;

import com.sun.management.OperatingSystemMXBean;
import io.sprint.opt.config.Level;
import io.sprint.opt.events.FlightEvents;
import io.sprint.opt.log.Log;
import io.sprint.opt.stats.DurationRecorder;
import io.sprint.opt.stats.GcPauses;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Adaptive tuning ({@code adaptive=true}): every {@code adaptive.interval} it measures the
 * window's latency (p99 of hiccups, when the hiccup meter runs, and of GC pauses) and CPU use,
 * lets {@link AdaptivePolicy} decide, and applies a changed level. Runs on the monitor thread.
 */
public final class AdaptiveTuner {
    static final int HISTORY = 30;

    /** How the tuner reaches the optimizer. */
    public interface Stepper {
        /** The level in force, or null when none is. */
        Level current();

        /** Applies {@code level} with the other options unchanged; null when done, else why not. */
        String stepTo(Level level);
    }

    private final AdaptivePolicy policy;
    private final Stepper stepper;
    private final HiccupMeter hiccups;
    private final int cpus;
    private final DurationRecorder gcPauses = new DurationRecorder(2);
    private final GcPauses.PauseSink gcSink = (collector, nanos) -> gcPauses.recordNanos(nanos);
    private final Deque<String> history = new ArrayDeque<>();
    private long nextTickNanos;
    private long lastCpuNanos = processCpuNanos();
    private long lastWallNanos = System.nanoTime();

    /**
     * @param hiccups the hiccup meter, or null when it is off (GC pauses alone are the signal)
     * @param cpus the CPUs the process may use, for CPU use in percent
     */
    public AdaptiveTuner(AdaptivePolicy.Config config, Stepper stepper, HiccupMeter hiccups, int cpus) {
        this.policy = new AdaptivePolicy(config);
        this.stepper = stepper;
        this.hiccups = hiccups;
        this.cpus = Math.max(1, cpus);
        this.nextTickNanos = System.nanoTime() + config.intervalSeconds() * 1_000_000_000L;
    }

    public AdaptivePolicy.Config config() {
        return policy.config();
    }

    public HiccupMeter hiccups() {
        return hiccups;
    }

    /** Feed of GC pauses (ns), from {@code GcPauses}. */
    public GcPauses.PauseSink gcPauseSink() {
        return gcSink;
    }

    /** Decides when a window has passed. */
    void maybeTick(long nowNanos) {
        if (nowNanos >= nextTickNanos) {
            nextTickNanos = nowNanos + policy.config().intervalSeconds() * 1_000_000_000L;
            tick();
        }
    }

    void tick() {
        Level level = stepper.current();
        double hiccupP99 = hiccups == null ? 0 : hiccups.p99Millis(policy.config().intervalSeconds());
        double gcP99 = DurationRecorder.millis(gcPauses.interval(), 99);
        double cpu = cpuPercent();
        if (level == null) {
            remember("no level in force: nothing to tune");
            return;
        }
        AdaptivePolicy.Decision decision = policy.decide(level, Math.max(hiccupP99, gcP99), cpu);
        if (!decision.changes()) {
            Log.debug("adaptive: %s", decision);
            remember(decision.toString());
            return;
        }
        String failure = stepper.stepTo(decision.to());
        String line = failure == null ? decision.toString() : decision + "; not applied: " + failure;
        Log.info("adaptive: %s", line);
        FlightEvents.adaptiveStep(line, failure == null);
        remember(line);
    }

    private double cpuPercent() {
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        double percent = cpu < 0 || wall == lastWallNanos ? 0
                : 100.0 * (cpu - lastCpuNanos) / ((wall - lastWallNanos) * (double) cpus);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return Math.max(0, percent);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof OperatingSystemMXBean
                ? ((OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }

    private synchronized void remember(String line) {
        history.addLast(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    /** The last {@value #HISTORY} decisions, oldest first. */
    public synchronized List<String> decisions() {
        return new ArrayList<>(history);
    }
}
