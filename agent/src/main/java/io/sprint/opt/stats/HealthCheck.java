package io.sprint.opt.stats;

import io.sprint.opt.config.OptionKey;
import io.sprint.opt.config.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's health check: level applied, GC pressure, thread leak; and, with the hiccup meter
 * on, stalls: a JVM that just stood still for seconds is not healthy, however little GC it did.
 */
public final class HealthCheck {
    /**
     * The limits. Their defaults (in OptionKey) are the seed's (GC CPU fraction above 0.2, more
     * than 10,000 threads), and a hiccup p99 over the meter's 60 s window above 100 ms: a hundred
     * times the stall a latency service budgets, far above what scheduling delay alone gives on a
     * busy host.
     */
    public record Thresholds(double gcCpuFraction, int threads, double hiccupP99Millis) {
        /** {@code health.gc}, {@code health.threads} and {@code health.hiccup}, their defaults where not given. */
        public static Thresholds of(Options options) {
            return new Thresholds(options.decimal(OptionKey.HEALTH_GC), options.integer(OptionKey.HEALTH_THREADS),
                    options.decimal(OptionKey.HEALTH_HICCUP));
        }
    }

    private HealthCheck() {
    }

    /** One reason per problem; empty when healthy. */
    public static List<String> reasons(Stats stats, Thresholds limits) {
        List<String> reasons = new ArrayList<>();
        if (!stats.applied()) {
            reasons.add("optimizations not applied");
        }
        double gc = stats.gcCpuFraction();
        if (gc > limits.gcCpuFraction()) {
            reasons.add(String.format(Locale.ROOT, "high GC pressure: gc_cpu_fraction %.2f > %.2f (health.gc)", gc,
                    limits.gcCpuFraction()));
        }
        double hiccup = stats.hiccupP99Ms();
        if (hiccup > limits.hiccupP99Millis()) {
            reasons.add(String.format(Locale.ROOT, "long stalls: hiccup_p99_ms %.1f > %.1f (health.hiccup)", hiccup,
                    limits.hiccupP99Millis()));
        }
        int threads = stats.numThreads();
        if (threads > limits.threads()) {
            reasons.add("potential thread leak: " + threads + " threads > " + limits.threads() + " (health.threads)");
        }
        return reasons;
    }
}
