package io.sprint.opt.testapp;

import java.time.Duration;
import java.util.Locale;

/**
 * End-to-end latencies in a log-linear histogram (64 sub-buckets per power of two, so every
 * value is within 1.6 % of its bucket), without a dependency.
 */
final class LatencyRecorder {
    private static final int SUB_BUCKETS = 64;
    private final long[] counts = new long[64 * SUB_BUCKETS];
    private long total;
    private long max;

    synchronized void record(long nanos) {
        long value = Math.max(1, nanos);
        counts[index(value)]++;
        total++;
        max = Math.max(max, value);
    }

    private static int index(long value) {
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        if (exponent < 6) {
            return (int) value;
        }
        int sub = (int) ((value >>> (exponent - 6)) & (SUB_BUCKETS - 1));
        return (exponent - 5) * SUB_BUCKETS + sub;
    }

    private static long lowerBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = index / SUB_BUCKETS + 5;
        long sub = index % SUB_BUCKETS;
        return (1L << exponent) + (sub << (exponent - 6));
    }

    synchronized long max() {
        return max;
    }

    synchronized long count() {
        return total;
    }

    synchronized long percentile(double quantile) {
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && counts[i] > 0) {
                return lowerBound(i);
            }
        }
        return max;
    }

    synchronized String report(long sent, Duration duration) {
        if (total == 0) {
            return "relay app: no messages delivered";
        }
        return String.format(Locale.ROOT, "relay app: %d sent, %d delivered, %.0f msg/s; latency us p50 %.1f"
                        + " p95 %.1f p99 %.1f p99.9 %.1f max %.1f",
                sent, total, total / (duration.toMillis() / 1000.0), percentile(0.50) / 1e3, percentile(0.95) / 1e3,
                percentile(0.99) / 1e3, percentile(0.999) / 1e3, max / 1e3);
    }
}
