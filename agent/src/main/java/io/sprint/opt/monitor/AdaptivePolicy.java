package io.sprint.opt.monitor;

import io.sprint.opt.config.Level;
import io.sprint.opt.config.OptionKey;
import io.sprint.opt.config.Options;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The seed's AdaptiveOptimizer rule with hysteresis: one level up when the latency signal
 * stays above the target for {@value #UP_WINDOWS} windows; one level down when latency stays
 * under half the target and CPU use under {@code adaptive.cpu} for {@value #DOWN_WINDOWS}
 * windows; between the two (the dead band) streaks reset; after any change
 * {@value #COOLDOWN_WINDOWS} windows pass before the next. Decides only; never applies.
 */
public final class AdaptivePolicy {
    static final int UP_WINDOWS = 2;
    static final int DOWN_WINDOWS = 6;
    static final int COOLDOWN_WINDOWS = 3;

    /** {@code adaptive.*} options, the seed's values (10 ms, 50 % CPU) where not given. */
    public record Config(double targetMs, int cpuLowPercent, Level min, Level max, int intervalSeconds) {
        public static Config of(Options options) {
            return new Config(options.decimal(OptionKey.ADAPTIVE_TARGET), options.integer(OptionKey.ADAPTIVE_CPU),
                    options.oneLevel(OptionKey.ADAPTIVE_MIN), options.oneLevel(OptionKey.ADAPTIVE_MAX),
                    options.integer(OptionKey.ADAPTIVE_INTERVAL));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "target %s ms, CPU low %d %%, levels %s..%s, every %d s",
                    trim(targetMs), cpuLowPercent, min, max, intervalSeconds);
        }
    }

    /** What one window led to: {@code to} equals {@code from} when holding. */
    public record Decision(Level from, Level to, String reason) {
        public boolean changes() {
            return from != to;
        }

        @Override
        public String toString() {
            return (changes() ? from + " → " + to : "hold " + from) + ": " + reason;
        }
    }

    private final Config config;
    private int over;
    private int under;
    private int cooldown;

    public AdaptivePolicy(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /**
     * @param latencyMs the window's latency signal: p99 of hiccups and GC pauses
     * @param cpuPercent the process's CPU use over the window, of the CPUs it may use
     */
    public Decision decide(Level level, double latencyMs, double cpuPercent) {
        String signal = String.format(Locale.ROOT, "p99 latency %s ms, CPU %.0f %%", trim(latencyMs), cpuPercent);
        if (latencyMs > config.targetMs) {
            over++;
            under = 0;
        } else if (latencyMs < config.targetMs / 2 && cpuPercent < config.cpuLowPercent) {
            under++;
            over = 0;
        } else {
            over = 0;
            under = 0;
        }
        if (cooldown > 0) {
            cooldown--;
            return new Decision(level, level, signal + "; cooling down after a change");
        }
        if (over >= UP_WINDOWS) {
            if (level.ordinal() >= config.max.ordinal()) {
                return new Decision(level, level, signal + " > target " + trim(config.targetMs) + " ms, but "
                        + level + " is adaptive.max");
            }
            return change(level, Level.values()[level.ordinal() + 1], signal + " > target " + trim(config.targetMs)
                    + " ms for " + over + " windows");
        }
        if (under >= DOWN_WINDOWS) {
            if (level.ordinal() <= config.min.ordinal()) {
                return new Decision(level, level, signal + ": calm, but " + level + " is adaptive.min");
            }
            return change(level, Level.values()[level.ordinal() - 1], signal + ": under half the target and CPU < "
                    + config.cpuLowPercent + " % for " + under + " windows");
        }
        return new Decision(level, level, signal + streak());
    }

    private String streak() {
        if (over > 0) {
            return "; above target " + over + "/" + UP_WINDOWS;
        }
        return under > 0 ? "; calm " + under + "/" + DOWN_WINDOWS : "; within the dead band";
    }

    private Decision change(Level from, Level to, String reason) {
        over = 0;
        under = 0;
        cooldown = COOLDOWN_WINDOWS;
        return new Decision(from, to, reason);
    }

    private static String trim(double ms) {
        return new BigDecimal(ms).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
