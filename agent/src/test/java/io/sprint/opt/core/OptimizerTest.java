package io.sprint.opt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Setting;
import io.sprint.opt.action.SettingAction;
import io.sprint.opt.config.Level;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.config.Profile;
import io.sprint.opt.log.Log;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optimizer's own logic — chains, strictness, re-apply, restore — over settings held in
 * memory. One of them refuses GC targets below 20, as a JVM refuses an out-of-range flag.
 */
class OptimizerTest {
    private int gcTarget = 100;
    private int memLimit = 50;
    private final List<Level> published = new ArrayList<>();

    private final Setting<Integer> gc = new IntSetting("gc", () -> gcTarget, v -> {
        if (v < 20) {
            throw new IllegalArgumentException("gc " + v + " is below 20");
        }
        gcTarget = v;
    });
    private final Setting<Integer> mem = new IntSetting("mem", () -> memLimit, v -> memLimit = v);

    private final Optimizer optimizer = new Optimizer(this::actions, Map.of(), 2,
            state -> published.add(state.level()));

    @BeforeEach
    void silence() {
        Log.setOutput(new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void speak() {
        Log.setOutput(System.err);
    }

    private List<Action> actions(Profile profile) {
        return List.of(new Fixed<>("mem-limit", mem, profile.memPercent()),
                new Fixed<>("gc-target", gc, profile.gcPercent()));
    }

    @Test
    void aChainFallsBackPastALevelWithAFailedActionAndRollsItBack() {
        Optimizer.Outcome outcome = optimizer.apply(OptionsParser.parse("level=turbo>enterprise>basic"));
        assertTrue(outcome.applied());
        assertEquals(Level.ENTERPRISE, outcome.level());
        assertEquals(25, gcTarget);
        assertEquals(90, memLimit, "enterprise's value, after turbo's 95 was rolled back");
        assertEquals(List.of(Level.ENTERPRISE), published, "a rolled-back attempt is never published");
        optimizer.restore();
        assertEquals(100, gcTarget);
        assertEquals(50, memLimit);
    }

    @Test
    void theLastLevelKeepsWhatSucceededUnlessStrict() {
        Optimizer.Outcome outcome = optimizer.apply(OptionsParser.parse("level=turbo"));
        assertTrue(outcome.applied());
        assertEquals(1, outcome.count(ActionStatus.FAILED));
        assertEquals(95, memLimit);
        optimizer.restore();

        Optimizer.Outcome strict = optimizer.apply(OptionsParser.parse("level=turbo,strict=true"));
        assertFalse(strict.applied());
        assertEquals(50, memLimit, "strict rolls the failed level back");
        assertFalse(optimizer.state().applied());
    }

    @Test
    void aFailedChainLeavesThePreviousLevelInForce() {
        optimizer.apply(OptionsParser.parse("level=standard"));
        Optimizer.Outcome outcome = optimizer.apply(OptionsParser.parse("level=turbo,strict=true"));
        assertFalse(outcome.applied());
        assertEquals(Level.STANDARD, optimizer.state().level());
        assertEquals(50, gcTarget);
        assertEquals(75, memLimit);
    }

    @Test
    void restoreAfterSeveralLevelsReturnsToTheStateBeforeTheFirst() {
        optimizer.apply(OptionsParser.parse("level=standard"));
        optimizer.apply(OptionsParser.parse("level=aggressive,mem=60"));
        optimizer.apply(OptionsParser.parse("level=enterprise"));
        optimizer.restore();
        assertEquals(100, gcTarget);
        assertEquals(50, memLimit);
        assertNull(optimizer.state().level());
        assertEquals("none", optimizer.state().levelId());
    }

    @Test
    void concurrentApplyAndRestoreAreSerialised() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String level = i % 2 == 0 ? "standard" : "enterprise";
            futures.add(pool.submit(() -> optimizer.apply(OptionsParser.parse("level=" + level))));
            futures.add(pool.submit(optimizer::restore));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        optimizer.restore();
        assertEquals(100, gcTarget);
        assertEquals(50, memLimit);
    }

    private static final class Fixed<T> extends SettingAction<T> {
        Fixed(String name, Setting<T> setting, T target) {
            super(name, setting, target);
        }

        @Override
        protected String skipReason() {
            return null;
        }
    }

    private static final class IntSetting implements Setting<Integer> {
        private final String key;
        private final IntSupplier reader;
        private final IntConsumer writer;

        IntSetting(String key, IntSupplier reader, IntConsumer writer) {
            this.key = key;
            this.reader = reader;
            this.writer = writer;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public Integer read() {
            return reader.getAsInt();
        }

        @Override
        public void write(Integer value) {
            writer.accept(value);
        }
    }
}
