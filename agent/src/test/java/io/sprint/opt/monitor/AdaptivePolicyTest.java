package io.sprint.opt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.config.Level;
import io.sprint.opt.config.OptionsParser;
import org.junit.jupiter.api.Test;

class AdaptivePolicyTest {
    private static final AdaptivePolicy.Config SEED = AdaptivePolicy.Config.of(OptionsParser.parse(""));

    @Test
    void seedDefaultsAndOptions() {
        assertEquals(new AdaptivePolicy.Config(10.0, 50, Level.BASIC, Level.TURBO, 10), SEED);
        assertEquals(new AdaptivePolicy.Config(0.5, 30, Level.STANDARD, Level.ENTERPRISE, 2),
                AdaptivePolicy.Config.of(OptionsParser.parse("adaptive.target=0.5,adaptive.cpu=30,"
                        + "adaptive.min=standard,adaptive.max=enterprise,adaptive.interval=2")));
    }

    @Test
    void stepsUpAfterTwoWindowsOverTheTargetThenCoolsDown() {
        AdaptivePolicy policy = new AdaptivePolicy(SEED);
        assertFalse(policy.decide(Level.STANDARD, 12, 90).changes());
        AdaptivePolicy.Decision up = policy.decide(Level.STANDARD, 12, 90);
        assertEquals(Level.AGGRESSIVE, up.to());
        assertEquals("standard → aggressive: p99 latency 12 ms, CPU 90 % > target 10 ms for 2 windows", up.toString());
        for (int i = 0; i < AdaptivePolicy.COOLDOWN_WINDOWS; i++) {
            assertFalse(policy.decide(Level.AGGRESSIVE, 50, 90).changes(), "cooling down");
        }
        assertEquals(Level.ENTERPRISE, policy.decide(Level.AGGRESSIVE, 50, 90).to(),
                "the over-target windows during cooldown count");
    }

    @Test
    void stepsDownOnlyWhenCalmAndIdleForSixWindows() {
        AdaptivePolicy policy = new AdaptivePolicy(SEED);
        for (int i = 1; i < AdaptivePolicy.DOWN_WINDOWS; i++) {
            assertFalse(policy.decide(Level.TURBO, 1, 10).changes());
        }
        assertEquals(Level.ENTERPRISE, policy.decide(Level.TURBO, 1, 10).to());
        AdaptivePolicy busy = new AdaptivePolicy(SEED);
        for (int i = 0; i < 20; i++) {
            assertFalse(busy.decide(Level.TURBO, 1, 80).changes(), "low latency but busy CPUs: stay");
        }
    }

    @Test
    void neverFlapsAroundTheTarget() {
        AdaptivePolicy policy = new AdaptivePolicy(SEED);
        int changes = 0;
        Level level = Level.ENTERPRISE;
        for (int i = 0; i < 1000; i++) {
            // alternating just over the target and comfortably under it, at low CPU
            AdaptivePolicy.Decision decision = policy.decide(level, i % 2 == 0 ? 11 : 3, 10);
            if (decision.changes()) {
                changes++;
                level = decision.to();
            }
        }
        assertEquals(0, changes);
        AdaptivePolicy band = new AdaptivePolicy(SEED);
        for (int i = 0; i < 1000; i++) {
            assertFalse(band.decide(Level.ENTERPRISE, 5 + (i % 5), 10).changes(), "dead band: hold");
        }
    }

    @Test
    void staysWithinItsBounds() {
        AdaptivePolicy.Config bounded = new AdaptivePolicy.Config(10, 50, Level.STANDARD, Level.ENTERPRISE, 10);
        AdaptivePolicy policy = new AdaptivePolicy(bounded);
        policy.decide(Level.ENTERPRISE, 99, 90);
        AdaptivePolicy.Decision top = policy.decide(Level.ENTERPRISE, 99, 90);
        assertFalse(top.changes());
        assertTrue(top.reason().endsWith("but enterprise is adaptive.max"), top.reason());
        AdaptivePolicy low = new AdaptivePolicy(bounded);
        AdaptivePolicy.Decision last = null;
        for (int i = 0; i < AdaptivePolicy.DOWN_WINDOWS; i++) {
            last = low.decide(Level.STANDARD, 1, 1);
        }
        assertFalse(last.changes());
        assertTrue(last.reason().endsWith("but standard is adaptive.min"), last.reason());
    }
}
