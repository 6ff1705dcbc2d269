package io.sprint.opt.stats;

import io.sprint.opt.config.OptionKey;
import io.sprint.opt.config.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The seed's health check: level applied, GC pressure, thread leak. */
public final class HealthCheck {
    /** The seed's thresholds: GC CPU fraction above 0.2, more than 10,000 threads. */
    public record Thresholds(double gcCpuFraction, int threads) {
        public static final Thresholds SEED = new Thresholds(0.2, 10_000);

        /** {@code health.gc} and {@code health.threads}, the seed's where not given. */
        public static Thresholds of(Options options) {
            return new Thresholds(options.doubleOr(OptionKey.HEALTH_GC, SEED.gcCpuFraction),
                    options.intOr(OptionKey.HEALTH_THREADS, SEED.threads));
        }
    }

    private HealthCheck() {
    }

    /** One reason per problem; empty when healthy. */
    public static List<String> reasons(Map<String, Object> stats, Thresholds limits) {
        List<String> reasons = new ArrayList<>();
        if (!Boolean.TRUE.equals(stats.get("applied"))) {
            reasons.add("optimizations not applied");
        }
        double gc = (Double) stats.get("gc_cpu_fraction");
        if (gc > limits.gcCpuFraction()) {
            reasons.add(String.format(Locale.ROOT, "high GC pressure: gc_cpu_fraction %.2f > %.2f (health.gc)", gc,
                    limits.gcCpuFraction()));
        }
        int threads = (Integer) stats.get("num_threads");
        if (threads > limits.threads()) {
            reasons.add("potential thread leak: " + threads + " threads > " + limits.threads() + " (health.threads)");
        }
        return reasons;
    }
}
