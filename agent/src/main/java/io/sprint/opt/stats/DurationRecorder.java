package io.sprint.opt.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The agent's one way to take percentiles: durations recorded in µs (1 µs to an hour) by any
 * thread without locking, through HdrHistogram's Recorder, and read by one reader as the
 * histogram of what came since its last read. GC pauses accumulate these intervals, hiccups roll
 * them into a 60 s window, adaptive tuning judges each decision window by one.
 */
public final class DurationRecorder {
    static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Recorder recorder;
    private Histogram recycled;

    /** @param digits significant digits kept: 3 for 0.1 %, 2 for 1 % at a tenth of the memory */
    public DurationRecorder(int digits) {
        this.recorder = new Recorder(1, HIGHEST_MICROS, digits);
    }

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000)));
    }

    /**
     * What was recorded since the last call. The histogram returned is the caller's until its next
     * call, which reuses it.
     */
    public synchronized Histogram interval() {
        Histogram latest = recorder.getIntervalHistogram(recycled);
        recycled = latest;
        return latest;
    }

    /**
     * What was recorded since the last call, as a histogram the caller keeps; {@code toRecycle}
     * (one it no longer needs, or null) is reused for it.
     */
    public synchronized Histogram interval(Histogram toRecycle) {
        return recorder.getIntervalHistogram(toRecycle);
    }

    /** An empty histogram of the same range and precision, to add intervals to. */
    public static Histogram accumulator(int digits) {
        return new Histogram(1, HIGHEST_MICROS, digits);
    }

    /** A percentile in ms (µs resolution); 0 for an empty histogram. */
    public static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
