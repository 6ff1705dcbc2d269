package io.sprint.opt.monitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * jHiccup's idea: a thread asks to sleep {@value #INTERVAL_NANOS} ns and records how much later
 * than that it wakes. What delays it (a safepoint, the scheduler, a stalled CPU, page faults)
 * delays the application's threads too. A stall longer than the interval is also recorded as
 * the shorter waits a request arriving every interval would have seen (jHiccup's correction
 * for coordinated omission). Percentiles cover the last {@value #WINDOW_SECONDS} s.
 */
public final class HiccupMeter {
    static final long INTERVAL_NANOS = 1_000_000;
    static final int WINDOW_SECONDS = 60;
    /** Microseconds, up to an hour, two significant digits: a few KB per histogram. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, 2);
    private final Histogram[] seconds = new Histogram[WINDOW_SECONDS];
    private final Histogram window = new Histogram(1, HIGHEST_MICROS, 2);
    private final List<LongConsumer> sinks = new CopyOnWriteArrayList<>();
    private int next;
    private Histogram recycled;

    /** Sleeps one interval and records how late it woke. Called on the monitor thread only. */
    void sample() {
        long start = System.nanoTime();
        LockSupport.parkNanos(INTERVAL_NANOS);
        record(System.nanoTime() - start - INTERVAL_NANOS);
    }

    /** Records one lateness, and for a stall the waits it hid. */
    void record(long lateNanos) {
        for (long value = Math.max(0, lateNanos); ; value -= INTERVAL_NANOS) {
            recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, value / 1000)));
            for (LongConsumer sink : sinks) {
                sink.accept(value);
            }
            if (value < 2 * INTERVAL_NANOS) {
                break;
            }
        }
    }

    /** Also hands every recorded lateness (ns) to {@code sink}, e.g. a Prometheus histogram. */
    public void addSink(LongConsumer sink) {
        sinks.add(sink);
    }

    public void removeSink(LongConsumer sink) {
        sinks.remove(sink);
    }

    /** Moves the samples since the last call into the window as its newest second; drops the oldest. */
    synchronized void roll() {
        Histogram latest = recorder.getIntervalHistogram(recycled);
        Histogram oldest = seconds[next];
        if (oldest != null) {
            window.subtract(oldest);
        }
        window.add(latest);
        seconds[next] = latest;
        next = (next + 1) % WINDOW_SECONDS;
        recycled = oldest;
    }

    /** The window's p99 in ms (three decimals); 0 before the first second has been rolled in. */
    public synchronized double p99Millis() {
        return window.getTotalCount() == 0 ? 0 : window.getValueAtPercentile(99) / 1000.0;
    }

    /** The p99 in ms of the last {@code lastSeconds} rolled in (at most the window). */
    synchronized double p99Millis(int lastSeconds) {
        Histogram recent = new Histogram(1, HIGHEST_MICROS, 2);
        for (int i = 1; i <= Math.min(lastSeconds, WINDOW_SECONDS); i++) {
            Histogram second = seconds[Math.floorMod(next - i, WINDOW_SECONDS)];
            if (second != null) {
                recent.add(second);
            }
        }
        return recent.getTotalCount() == 0 ? 0 : recent.getValueAtPercentile(99) / 1000.0;
    }

    /** Samples in the window. */
    synchronized long count() {
        return window.getTotalCount();
    }
}
