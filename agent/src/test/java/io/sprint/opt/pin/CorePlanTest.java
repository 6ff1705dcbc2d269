package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Scheduling;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorePlanTest {
    private static CpuList cpus(String list) {
        return CpuList.parse(list);
    }

    @Test
    void theLowestRequestedCpuStaysForTheRestWhenAllAreRequested() {
        CorePlan plan = CorePlan.of(cpus("0-1"), cpus("0-3"), Map.of());
        assertEquals(cpus("1"), plan.dedicated());
        assertEquals(cpus("0"), plan.others());
    }

    @Test
    void aRequestThatLeavesCpusForTheRestIsKept() {
        CorePlan plan = CorePlan.of(cpus("0-7"), cpus("2-5"), Map.of());
        assertEquals(cpus("2-5"), plan.dedicated());
        assertEquals(cpus("0-1,6-7"), plan.others());
    }

    @Test
    void noRequestMeansEveryUsableCpuButHousekeeping() {
        assertEquals(cpus("1-7"), CorePlan.of(cpus("0-7"), null, Map.of()).dedicated());
        assertEquals(cpus("2-31"), CorePlan.of(cpus("0-31"), null, Map.of()).dedicated());
    }

    @Test
    void requestsOutsideTheUsableCpusAreDropped() {
        CorePlan plan = CorePlan.of(cpus("4-7"), cpus("0-5"), Map.of());
        assertEquals(cpus("4-5"), plan.dedicated());
        assertEquals(cpus("6-7"), plan.others());
    }

    @Test
    void oneUsableCpuLeavesNothingToDedicate() {
        assertFalse(CorePlan.of(cpus("3"), null, Map.of()).canPin());
        assertFalse(CorePlan.of(cpus("0-3"), cpus("8-9"), Map.of()).canPin());
    }

    @Test
    void cpusAreHandedOutNodeByNodeLargestShareFirst() {
        Map<Integer, CpuList> nodes = Map.of(0, cpus("0-3"), 1, cpus("4-7"));
        CorePlan plan = CorePlan.of(cpus("0-7"), cpus("3-7"), nodes);
        assertArrayEquals(new int[] {4, 5, 6, 7, 3}, plan.order());
    }

    @Test
    void moreThreadsThanCpusShareRoundRobinAndEndedThreadsFreeTheirCpu() {
        CoreTable table = new CoreTable(new int[] {2, 3});
        PinnedThread a = thread(1);
        PinnedThread b = thread(2);
        PinnedThread c = thread(3);
        assertEquals(2, take(table, a));
        assertEquals(3, take(table, b));
        assertEquals(2, take(table, c));
        assertEquals(2, table.users(2));
        assertEquals(Set.of(a, c), table.on(2));
        table.remove(3, b);
        assertEquals(3, table.leastUsed());
    }

    private static int take(CoreTable table, PinnedThread thread) {
        int cpu = table.leastUsed();
        table.add(cpu, thread);
        return cpu;
    }

    private static PinnedThread thread(long tid) {
        return new PinnedThread(Thread.currentThread(), tid, null, Scheduling.NORMAL, -1);
    }
}
