package io.sprint.opt.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.stats.Stats;
import io.sprint.opt.stats.SystemInfo;
import java.util.List;
import java.util.Set;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

/** The records' open types are the public contract: design.md's keys, in snake case, with fixed types. */
class OpenTypesTest {
    private final OpenTypes open = new OpenTypes();

    @Test
    void statsAndSystemInfoCarryTheDesignsKeys() throws Exception {
        CompositeType stats = open.of(Stats.class, "stats");
        assertEquals(Set.of("applied", "level", "num_cpu", "max_threads", "num_threads", "daemon_threads",
                "heap_alloc_mb", "heap_sys_mb", "num_gc", "gc_cpu_fraction", "gc_pause_p50_ms", "gc_pause_p95_ms",
                "gc_pause_p99_ms", "gc_pause_max_ms", "alloc_rate_mb_s", "hiccup_p99_ms", "pinned_threads",
                "java_version", "uptime_s"), stats.keySet());
        assertEquals(SimpleType.BOOLEAN, stats.getType("applied"));
        assertEquals(SimpleType.INTEGER, stats.getType("num_cpu"));
        assertEquals(SimpleType.LONG, stats.getType("heap_alloc_mb"));
        assertEquals(SimpleType.DOUBLE, stats.getType("gc_pause_p99_ms"));
        CompositeType info = open.of(SystemInfo.class, "system");
        assertEquals(Set.of("os", "arch", "java_version", "vm_name", "gc", "num_cpu", "cpus_allowed", "cpu_pool",
                "isolated_cpus", "nohz_full_cpus", "threads_per_core", "cpu_quota", "memory_limit_mb", "max_heap_mb",
                "numa_nodes", "thp_mode", "rt_capable", "memlock_capable", "optimal_threads"), info.keySet());
    }

    @Test
    void aResultIsACompositeWithAnArrayOfActionRows() throws Exception {
        CompositeData data = open.data(new OptimizerControl.Result(true, "turbo",
                List.of(ActionRecord.applied("memory-lock", "locked", "memory lock unlocked → locked"))));
        assertEquals(true, data.get("succeeded"));
        assertEquals("turbo", data.get("level"));
        CompositeData row = ((CompositeData[]) data.get("actions"))[0];
        assertEquals("applied", row.get("status"), "an enum reads as its toString()");
        assertEquals("memory-lock", row.get("name"));
    }

    @Test
    void componentNamesBecomeSnakeCase() {
        assertEquals("gc_pause_p50_ms", OpenTypes.snakeCase("gcPauseP50Ms"));
        assertEquals("alloc_rate_mb_s", OpenTypes.snakeCase("allocRateMbS"));
        assertEquals("tid", OpenTypes.snakeCase("tid"));
    }
}
