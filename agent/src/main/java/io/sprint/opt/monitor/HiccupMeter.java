package io.sprint.opt.monitor;

import io.sprint.opt.events.FlightEvents;
import io.sprint.opt.stats.DurationRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;

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

    private static final int DIGITS = 2;
    private final DurationRecorder recorder = new DurationRecorder(DIGITS);
    private final Histogram[] seconds = new Histogram[WINDOW_SECONDS];
    private final Histogram window = DurationRecorder.accumulator(DIGITS);
    private final List<LongConsumer> sinks = new CopyOnWriteArrayList<>();
    private int next;
    private Histogram recycled;

    /** Sleeps one interval and records how late it woke. Called on the monitor thread only. */
    void sample() {
        long start = System.nanoTime();
        LockSupport.parkNanos(INTERVAL_NANOS);
        long late = System.nanoTime() - start - INTERVAL_NANOS;
        record(late);
        FlightEvents.hiccup(late);
    }

    /** Records one lateness, and for a stall the waits it hid. */
    void record(long lateNanos) {
        for (long value = Math.max(0, lateNanos); ; value -= INTERVAL_NANOS) {
            recorder.recordNanos(value);
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
        Histogram latest = recorder.interval(recycled);
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
        return DurationRecorder.millis(window, 99);
    }

    /** The p99 in ms of the last {@code lastSeconds} rolled in (at most the window). */
    synchronized double p99Millis(int lastSeconds) {
        Histogram recent = DurationRecorder.accumulator(DIGITS);
        for (int i = 1; i <= Math.min(lastSeconds, WINDOW_SECONDS); i++) {
            Histogram second = seconds[Math.floorMod(next - i, WINDOW_SECONDS)];
            if (second != null) {
                recent.add(second);
            }
        }
        return DurationRecorder.millis(recent, 99);
    }

    /** Samples in the window. */
    synchronized long count() {
        return window.getTotalCount();
    }
}
