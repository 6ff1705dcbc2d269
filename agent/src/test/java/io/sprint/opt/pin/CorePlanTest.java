package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.CpuTopology;
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

    /** The LinuxHostTest's big host as the planner sees it: 32 CPUs, n and n+16 one core. */
    private static CpuTopology bigHost() {
        Map<Integer, CpuList> siblings = new java.util.TreeMap<>();
        for (int cpu = 0; cpu < 32; cpu++) {
            siblings.put(cpu, CpuList.of(cpu % 16, cpu % 16 + 16));
        }
        return new CpuTopology(cpus("0-31"), cpus("2-7,18-23"), cpus("4-7"), siblings,
                Map.of(0, cpus("0-7,16-23"), 1, cpus("8-15,24-31")));
    }

    private static final CpuList BIG_START = cpus("0-1,8-17,24-31");

    @Test
    void isolatedAndNohzFullCpusFirstWholeCoresAndTheRestOffThem() {
        CorePlan plan = CorePlan.of(bigHost(), BIG_START, null, true, CorePlan.CpuOwners.NOBODY);
        int[] order = plan.order();
        assertArrayEquals(new int[] {4, 5, 6, 7, 2, 3}, java.util.Arrays.copyOf(order, 6),
                "isolated and nohz_full first, then isolated");
        assertEquals(cpus("4-7"), plan.exclusive(), "nohz_full CPUs take one thread each");
        assertEquals(cpus("2-7,17,24-31"), plan.dedicated(), "then the rest from the highest down, a core at a time");
        assertEquals(cpus("1,8-15,18-23"), plan.idleSiblings(), "their SMT siblings, held idle");
        assertEquals(cpus("0,16"), plan.others(), "two housekeeping CPUs of the start mask, one core");
        assertTrue(plan.others().intersect(bigHost().isolated()).isEmpty(), "never spread onto isolated CPUs");
        assertTrue(plan.dedicated().intersect(plan.idleSiblings()).isEmpty());
    }

    @Test
    void singleHardwareThreadsWhenAsked() {
        CorePlan plan = CorePlan.of(bigHost(), BIG_START, cpus("4-7,20-23"), false, CorePlan.CpuOwners.NOBODY);
        assertEquals(cpus("4-7,20-23"), plan.dedicated(), "siblings dedicated too, each its own");
        assertEquals(CpuList.NONE, plan.idleSiblings());
        assertEquals(cpus("0-1,8-17,24-31"), plan.others(), "the start mask, nothing dedicated in it");
    }

    @Test
    void aRequestOfSiblingsGetsOneThreadPerCore() {
        CorePlan plan = CorePlan.of(bigHost(), BIG_START, cpus("4-7,20-23"), true, CorePlan.CpuOwners.NOBODY);
        assertEquals(cpus("4-7"), plan.dedicated());
        assertEquals(cpus("20-23"), plan.idleSiblings());
    }

    /** isolcpus=1 on a 2-CPU host, or taskset -c 0: CPU 1 is out of the start mask, in the pool. */
    @Test
    void aCpuTheStartMaskLeftOutIsTheOneToDedicate() {
        CpuTopology twoCpus = new CpuTopology(cpus("0-1"), CpuList.NONE, CpuList.NONE, Map.of(), Map.of());
        CorePlan plan = CorePlan.of(twoCpus, cpus("0"), null, true, CorePlan.CpuOwners.NOBODY);
        assertEquals(cpus("1"), plan.dedicated());
        assertEquals(cpus("0"), plan.others());
        assertEquals(cpus("1"), CorePlan.of(twoCpus, cpus("0"), cpus("1"), true, CorePlan.CpuOwners.NOBODY).dedicated(),
                "cpus=1 is accepted");
    }

    @Test
    void aCpuAnotherJvmHoldsIsPassedOverAndNamed() {
        CorePlan.CpuOwners other = cpu -> cpu == 5 || cpu == 21 ? 4242 : 0;
        CorePlan plan = CorePlan.of(bigHost(), BIG_START, cpus("4-7"), true, other);
        assertEquals(cpus("4,6-7"), plan.dedicated());
        assertEquals(Map.of(5, 4242L, 21, 4242L), plan.heldElsewhere());
        assertTrue(plan.toString().contains("CPUs 5,21 held by pid 4242 (other JVMs' pinned threads)"), plan.toString());
        CpuTopology twoCpus = new CpuTopology(cpus("0-1"), CpuList.NONE, CpuList.NONE, Map.of(), Map.of());
        assertFalse(CorePlan.of(twoCpus, cpus("0-1"), null, true, cpu -> 99).canPin());
    }

    /** A core whose sibling another JVM holds is not this JVM's to dedicate, with smt=core. */
    @Test
    void aCoreWithASiblingHeldElsewhereIsPassedOver() {
        CorePlan plan = CorePlan.of(bigHost(), BIG_START, cpus("4-5"), true, cpu -> cpu == 20 ? 77 : 0);
        assertEquals(cpus("5"), plan.dedicated());
        assertEquals(cpus("4-5"), CorePlan.of(bigHost(), BIG_START, cpus("4-5"), false, cpu -> cpu == 20 ? 77 : 0)
                .dedicated(), "smt=thread: the sibling is the other JVM's business");
    }

    /**
     * The second relay JVM on a 2-CPU host: the first holds CPU 1, so nothing is dedicated here and
     * the rest of this JVM leaves CPU 1 to the first's pinned threads.
     */
    @Test
    void withTheOnlySpareCpuHeldElsewhereTheJvmKeepsOffIt() {
        CpuTopology twoCpus = new CpuTopology(cpus("0-1"), CpuList.NONE, CpuList.NONE, Map.of(), Map.of());
        CorePlan plan = CorePlan.of(twoCpus, cpus("0-1"), null, true, cpu -> cpu == 1 ? 4242 : 0);
        assertFalse(plan.canPin());
        assertEquals(cpus("0"), plan.others());
        assertEquals("; CPUs 1 held by pid 4242 (other JVMs' pinned threads)", plan.whyOthers());
        CorePlan onlyThere = CorePlan.of(twoCpus, cpus("1"), null, true, cpu -> cpu == 1 ? 4242 : 0);
        assertEquals(cpus("1"), onlyThere.others(), "started on the held CPU alone: it keeps that, not nothing");
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
