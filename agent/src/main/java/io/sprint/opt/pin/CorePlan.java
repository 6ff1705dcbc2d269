package io.sprint.opt.pin;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.LevelTable;
import io.sprint.opt.platform.CpuTopology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which CPUs pinned threads get and which the rest of the JVM keeps, on this host.
 *
 * <p>Dedicated CPUs come from the pool (the cgroup's cpuset ∩ online CPUs), not from the
 * start-up affinity mask: an operator who boots with {@code isolcpus=} or starts the JVM under
 * {@code taskset} leaves the CPUs meant for pinned threads out of that mask. They are taken in
 * this order: isolated and nohz_full CPUs, isolated ones, nohz_full ones, CPUs the start-up mask
 * left out, then the rest from the highest down, keeping housekeeping cores (one up to 16 CPUs,
 * two above) for everything else. The rest of the JVM stays in its start-up mask, off isolated
 * CPUs (the kernel balances no load there) and off every dedicated core. With whole cores (the
 * default) a dedicated CPU's SMT siblings are held with it and left idle; a CPU another JVM holds
 * ({@link CpuOwners}) is passed over and named. A nohz_full CPU takes one pinned thread only
 * (sharing would bring the tick back).
 *
 * @param dedicated CPUs for pinned threads, empty when none can be spared
 * @param others CPUs for every other thread of the JVM
 * @param order dedicated CPUs in the order they are handed out: by the preference above, then
 *     node by node (the node with most of them first)
 * @param exclusive dedicated CPUs that take one thread only (nohz_full)
 * @param idleSiblings SMT siblings of dedicated CPUs, held and left idle
 * @param heldElsewhere CPUs that would have been dedicated but another JVM holds: CPU → its pid
 */
public record CorePlan(CpuList dedicated, CpuList others, int[] order, CpuList exclusive, CpuList idleSiblings,
                       Map<Integer, Long> heldElsewhere) {

    /** Who holds a CPU as a dedicated one, host-wide. */
    public interface CpuOwners {
        /** The pid of another process holding {@code cpu}, or 0 when it is free or ours. */
        long holder(int cpu);

        CpuOwners NOBODY = cpu -> 0;
    }

    /**
     * @param start the process's affinity mask at start-up: where the rest of the JVM runs
     * @param requested the level's affinity list or cpus=, or null for the whole pool
     * @param wholeCores dedicate whole cores (SMT siblings held idle) rather than hardware threads
     */
    public static CorePlan of(CpuTopology topology, CpuList start, CpuList requested, boolean wholeCores,
                              CpuOwners owners) {
        CpuList pool = topology.pool();
        CpuList startInPool = start.intersect(pool).isEmpty() ? pool : start.intersect(pool);
        CpuList base = startInPool.minus(topology.isolated()).isEmpty() ? startInPool
                : startInPool.minus(topology.isolated());
        int keep = LevelTable.housekeeping(pool.count());
        CpuList candidates = requested == null ? pool : requested.intersect(pool);
        BitSet dedicated = new BitSet();
        BitSet reserved = new BitSet();
        Map<Integer, Long> held = new LinkedHashMap<>();
        for (int cpu : takingOrder(candidates, topology, startInPool)) {
            if (reserved.get(cpu)) {
                continue;
            }
            CpuList core = wholeCores ? topology.core(cpu).intersect(pool) : CpuList.of(cpu);
            if (base.minus(CpuList.of(reserved)).minus(core).count() < keep) {
                continue; // the rest of the JVM keeps its housekeeping cores
            }
            long holder = holderOf(core, owners);
            if (holder != 0) {
                held.put(cpu, holder);
                continue;
            }
            dedicated.set(cpu);
            reserved.or(core.bits());
        }
        CpuList chosen = CpuList.of(dedicated);
        CpuList idle = CpuList.of(reserved).minus(chosen);
        return new CorePlan(chosen, base.minus(CpuList.of(reserved)), handingOrder(chosen, topology, startInPool),
                chosen.intersect(topology.nohzFull()), idle, held);
    }

    /** The plain case: every CPU this process may use is the pool, nothing isolated, no SMT, no other JVM. */
    public static CorePlan of(CpuList usable, CpuList requested, Map<Integer, CpuList> nodes) {
        return of(new CpuTopology(usable, CpuList.NONE, CpuList.NONE, Map.of(), nodes), usable, requested, true,
                CpuOwners.NOBODY);
    }

    private static long holderOf(CpuList core, CpuOwners owners) {
        for (int cpu : core.toArray()) {
            long holder = owners.holder(cpu);
            if (holder != 0) {
                return holder;
            }
        }
        return 0;
    }

    /** 0 isolated and nohz_full, 1 isolated, 2 nohz_full, 3 left out of the start mask, 4 the rest. */
    private static int preference(int cpu, CpuTopology topology, CpuList start) {
        boolean isolated = topology.isolated().contains(cpu);
        boolean nohz = topology.nohzFull().contains(cpu);
        return isolated && nohz ? 0 : isolated ? 1 : nohz ? 2 : !start.contains(cpu) ? 3 : 4;
    }

    /** By preference; the rest from the highest down, so the lowest stay with the JVM. */
    private static List<Integer> takingOrder(CpuList candidates, CpuTopology topology, CpuList start) {
        List<Integer> order = new ArrayList<>();
        for (int cpu : candidates.toArray()) {
            order.add(cpu);
        }
        order.sort(Comparator.<Integer>comparingInt(cpu -> preference(cpu, topology, start))
                .thenComparingInt(cpu -> preference(cpu, topology, start) == 4 ? -cpu : cpu));
        return order;
    }

    private static int[] handingOrder(CpuList dedicated, CpuTopology topology, CpuList start) {
        Map<Integer, Integer> perNode = new LinkedHashMap<>();
        for (int cpu : dedicated.toArray()) {
            perNode.merge(topology.nodeOf(cpu), 1, Integer::sum);
        }
        List<Integer> order = new ArrayList<>();
        for (int cpu : dedicated.toArray()) {
            order.add(cpu);
        }
        order.sort(Comparator.<Integer>comparingInt(cpu -> preference(cpu, topology, start))
                .thenComparingInt(cpu -> -perNode.get(topology.nodeOf(cpu)))
                .thenComparingInt(topology::nodeOf)
                .thenComparingInt(cpu -> cpu));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    public boolean canPin() {
        return !dedicated.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorePlan && ((CorePlan) o).dedicated.equals(dedicated)
                && ((CorePlan) o).others.equals(others) && Arrays.equals(((CorePlan) o).order, order)
                && ((CorePlan) o).idleSiblings.equals(idleSiblings) && ((CorePlan) o).exclusive.equals(exclusive);
    }

    @Override
    public int hashCode() {
        return dedicated.hashCode() * 31 + others.hashCode();
    }

    /** "CPUs 1 for pinned threads, 0 for the rest", and what else the plan decided. */
    @Override
    public String toString() {
        return "CPUs " + dedicated + " for pinned threads, " + others + " for the rest" + extras();
    }

    /** "; 4-7 nohz_full: one thread each; SMT siblings 20-23 left idle; CPU 5 held by pid 4242", or "". */
    public String extras() {
        StringBuilder text = new StringBuilder();
        if (!exclusive.isEmpty()) {
            text.append("; ").append(exclusive).append(" nohz_full: one thread each");
        }
        if (!idleSiblings.isEmpty()) {
            text.append("; SMT siblings ").append(idleSiblings).append(" left idle");
        }
        heldElsewhere.forEach((cpu, pid) -> text.append("; CPU ").append(cpu).append(" held by pid ").append(pid));
        return text.toString();
    }
}
