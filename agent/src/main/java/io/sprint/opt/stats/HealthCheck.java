package io.sprint.opt.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The seed's health check: level applied, GC pressure, thread leak. */
public final class HealthCheck {
    /** The seed's thresholds: GC CPU fraction above 0.2, more than 10,000 threads. */
    static final double GC_CPU_FRACTION_LIMIT = 0.2;
    static final int THREAD_LIMIT = 10_000;

    private HealthCheck() {
    }

    /** One reason per problem; empty when healthy. */
    public static List<String> reasons(Map<String, Object> stats) {
        List<String> reasons = new ArrayList<>();
        if (!Boolean.TRUE.equals(stats.get("applied"))) {
            reasons.add("optimizations not applied");
        }
        double gc = (Double) stats.get("gc_cpu_fraction");
        if (gc > GC_CPU_FRACTION_LIMIT) {
            reasons.add(String.format(Locale.ROOT, "high GC pressure: gc_cpu_fraction %.2f > %.2f", gc,
                    GC_CPU_FRACTION_LIMIT));
        }
        int threads = (Integer) stats.get("num_threads");
        if (threads > THREAD_LIMIT) {
            reasons.add("potential thread leak: " + threads + " threads > " + THREAD_LIMIT);
        }
        return reasons;
    }
}
