package io.sprint.opt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The level table of design.md, resolved against hosts of several sizes. */
class LevelsTest {

    @ParameterizedTest
    @CsvSource({
        // level, n, gc, mem, threads, stack, pinning, mlock, rt, huge, numa, latency, affinity
        "basic,      2, 100, 50, 2,  8192, false, false, false, false, false, false, ",
        "standard,   2,  50, 75, 4,  8192, false, true,  false, false, false, true,  ",
        "standard,   4,  50, 75, 8,  8192, true,  true,  false, false, false, true,  ",
        "standard,   8,  50, 75, 16, 8192, true,  true,  false, true,  false, true,  ",
        "standard,  16,  50, 75, 32, 8192, true,  true,  false, true,  true,  true,  ",
        "aggressive, 2,  25, 80, 4,  8192, true,  true,  true,  true,  true,  true,  ",
        "enterprise, 2,  25, 90, 4,  8192, true,  true,  true,  true,  true,  true,  0-3",
        "turbo,      2,  10, 95, 2,  4096, true,  true,  true,  true,  true,  true,  0-1",
    })
    void profilesFollowTheLevelTable(String id, int n, int gc, int mem, int threads, long stack, boolean pinning,
                                     boolean mlock, boolean rt, boolean huge, boolean numa, boolean latency,
                                     String affinity) {
        Profile profile = Profile.resolve(Level.byId(id), n, Options.DEFAULTS);
        assertEquals(gc, profile.gcPercent());
        assertEquals(mem, profile.memPercent());
        assertEquals(threads, profile.maxThreads());
        assertEquals(stack, profile.stackBytes());
        assertEquals(pinning, profile.pinning());
        assertEquals(mlock, profile.mlock());
        assertEquals(rt, profile.rt());
        assertEquals(huge, profile.hugepages());
        assertEquals(numa, profile.numa());
        assertEquals(latency, profile.latency());
        assertEquals(affinity, profile.affinity() == null ? null : profile.affinity().toString());
        assertEquals(10, profile.rtPriority());
    }

    @Test
    void overridesReplaceSingleFields() {
        Options options = OptionsParser.parse("gc=30,mem=60,threads=3,stack=1m,rt=false,cpus=1,rt.priority=40");
        Profile profile = Profile.resolve(Level.TURBO, 2, options);
        assertEquals(30, profile.gcPercent());
        assertEquals(60, profile.memPercent());
        assertEquals(3, profile.maxThreads());
        assertEquals(1L << 20, profile.stackBytes());
        assertFalse(profile.rt());
        assertTrue(profile.mlock());
        assertEquals("1", profile.affinity().toString());
        assertEquals(40, profile.rtPriority());
    }

    @ParameterizedTest
    @CsvSource({"100, 25, 50", "50, 16, 33", "25, 10, 20", "10, 4, 9", "1, 0, 1", "1000, 45, 91"})
    void gcTargetBecomesAFreeRatioBandAroundGosHeadroom(int gc, int min, int max) {
        Profile profile = Profile.resolve(Level.BASIC, 2, OptionsParser.parse("gc=" + gc));
        assertEquals(min, profile.minHeapFreeRatio());
        assertEquals(max, profile.maxHeapFreeRatio());
    }

    @ParameterizedTest
    @CsvSource({"development, basic", "staging, aggressive", "production, enterprise", "hft, turbo",
        "PRODUCTION, enterprise", "qa, basic"})
    void autoReadsTheEnvironment(String env, String level) {
        LevelSpec spec = LevelSpec.parse("auto");
        assertEquals(Level.byId(level), spec.resolve(0, Map.of(LevelSpec.ENV, env)));
        assertTrue(spec.isAuto(0));
    }

    @Test
    void autoWithoutTheVariableIsBasic() {
        assertEquals(Level.BASIC, LevelSpec.parse("auto").resolve(0, Map.of()));
    }

    @Test
    void aChainIsTriedLeftToRight() {
        LevelSpec spec = LevelSpec.parse("turbo > enterprise>auto");
        assertEquals(3, spec.size());
        assertEquals(Level.TURBO, spec.resolve(0, Map.of()));
        assertEquals(Level.ENTERPRISE, spec.resolve(1, Map.of()));
        assertEquals(Level.AGGRESSIVE, spec.resolve(2, Map.of(LevelSpec.ENV, "staging")));
    }

    @Test
    void collectorsAndIdleGcAreDataToo() {
        assertNull(LevelTable.row(Level.BASIC).collector());
        assertNull(LevelTable.row(Level.BASIC).idleGcMillis());
        assertEquals(Collector.ZGC, LevelTable.row(Level.TURBO).collector());
        assertEquals(0L, LevelTable.row(Level.ENTERPRISE).idleGcMillis());
        assertEquals(5, LevelTable.rows().size());
    }
}
