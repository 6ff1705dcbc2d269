package io.sprint.opt.pin;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.LevelTable;
import io.sprint.opt.platform.CpuTopology;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

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
 * default) a dedicated CPU's SMT siblings are held with it and left idle. CPUs another JVM
 * holds ({@link CpuOwners}) are neither dedicated nor left to the rest of this JVM (its threads
 * would disturb the other's pinned ones), and are named. A nohz_full CPU takes one pinned thread
 * only (sharing would bring the tick back).
 *
 * @param dedicated CPUs for pinned threads, empty when none can be spared
 * @param others CPUs for every other thread of the JVM
 * @param order dedicated CPUs in the order they are handed out: by the preference above, then
 *     node by node (the node with most of them first)
 * @param exclusive dedicated CPUs that take one thread only (nohz_full)
 * @param idleSiblings SMT siblings of dedicated CPUs, held and left idle
 * @param heldElsewhere the pool's CPUs another JVM holds for its pinned threads: CPU → its pid
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
        Map<Integer, Long> held = heldElsewhere(pool, owners);
        CpuList theirs = CpuList.of(held.keySet());
        CpuList startInPool = orElse(start.intersect(pool), pool);
        // the rest of the JVM: its start-up CPUs, off isolated ones and off other JVMs' dedicated ones,
        // as far as that leaves any
        CpuList base = orElse(startInPool.minus(topology.isolated()).minus(theirs),
                orElse(startInPool.minus(theirs), startInPool));
        int keep = LevelTable.housekeeping(pool.count());
        CpuList candidates = (requested == null ? pool : requested.intersect(pool)).minus(theirs);
        BitSet dedicated = new BitSet();
        BitSet reserved = new BitSet();
        for (int cpu : takingOrder(candidates, topology, startInPool)) {
            if (reserved.get(cpu)) {
                continue;
            }
            CpuList core = wholeCores ? topology.core(cpu).intersect(pool) : CpuList.of(cpu);
            if (!core.intersect(theirs).isEmpty()
                    || base.minus(CpuList.of(reserved)).minus(core).count() < keep) {
                continue; // a sibling is another JVM's, or the rest of the JVM keeps its housekeeping cores
            }
            dedicated.set(cpu);
            reserved.or(core.bits());
        }
        CpuList chosen = CpuList.of(dedicated);
        CpuList idle = CpuList.of(reserved).minus(chosen);
        return new CorePlan(chosen, base.minus(CpuList.of(reserved)), handingOrder(chosen, topology, startInPool),
                chosen.intersect(topology.nohzFull()), idle, held);
    }

    /** The CPUs of the pool other processes hold, each with its holder's pid. */
    private static Map<Integer, Long> heldElsewhere(CpuList pool, CpuOwners owners) {
        Map<Integer, Long> held = new LinkedHashMap<>();
        for (int cpu : pool.toArray()) {
            long holder = owners.holder(cpu);
            if (holder != 0) {
                held.put(cpu, holder);
            }
        }
        return held;
    }

    private static CpuList orElse(CpuList cpus, CpuList fallback) {
        return cpus.isEmpty() ? fallback : cpus;
    }

    /** The plain case: every CPU this process may use is the pool, nothing isolated, no SMT, no other JVM. */
    public static CorePlan of(CpuList usable, CpuList requested, Map<Integer, CpuList> nodes) {
        return of(new CpuTopology(usable, CpuList.NONE, CpuList.NONE, Map.of(), nodes), usable, requested, true,
                CpuOwners.NOBODY);
    }

    /** 0 isolated and nohz_full, 1 isolated, 2 nohz_full, 3 left out of the start mask, 4 the rest. */
    private static int preference(int cpu, CpuTopology topology, CpuList start) {
        boolean isolated = topology.isolated().contains(cpu);
        boolean nohz = topology.nohzFull().contains(cpu);
        return isolated && nohz ? 0 : isolated ? 1 : nohz ? 2 : !start.contains(cpu) ? 3 : 4;
    }

    /**
     * By preference; the rest from the highest down, so the lowest stay with the JVM. Sorted by
     * one key per CPU, not a chain of comparator lambdas: each costs a cold JVM some 0.5 ms of CPU
     * the first time, and this runs while the level is being put in force.
     */
    private static int[] takingOrder(CpuList candidates, CpuTopology topology, CpuList start) {
        int[] cpus = candidates.toArray();
        long[] keys = new long[cpus.length];
        for (int i = 0; i < cpus.length; i++) {
            int preference = preference(cpus[i], topology, start);
            keys[i] = key(preference, preference == 4 ? CPU_LIMIT - 1 - cpus[i] : cpus[i], cpus[i]);
        }
        return sortedByKey(keys);
    }

    /** By preference, then the node with most dedicated CPUs first, then by node, then by number. */
    private static int[] handingOrder(CpuList dedicated, CpuTopology topology, CpuList start) {
        int[] cpus = dedicated.toArray();
        Map<Integer, Integer> perNode = new LinkedHashMap<>();
        for (int cpu : cpus) {
            int node = topology.nodeOf(cpu);
            Integer count = perNode.get(node);
            perNode.put(node, count == null ? 1 : count + 1);
        }
        long[] keys = new long[cpus.length];
        for (int i = 0; i < cpus.length; i++) {
            int node = topology.nodeOf(cpus[i]);
            // fewer CPUs on the node sort later; node -1 (unknown) before node 0
            keys[i] = key(preference(cpus[i], topology, start) * CPU_LIMIT + CPU_LIMIT - perNode.get(node),
                    node + 1, cpus[i]);
        }
        return sortedByKey(keys);
    }

    /** CPU numbers, node numbers and counts here are below 2^16 (Linux allows at most 8192 CPUs). */
    private static final int CPU_LIMIT = 1 << 16;

    /** One sortable key: {@code first}, then {@code second}, then the CPU itself (which also keeps it). */
    private static long key(long first, long second, int cpu) {
        return (first << 32) | (second << 16) | cpu;
    }

    private static int[] sortedByKey(long[] keys) {
        Arrays.sort(keys);
        int[] cpus = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            cpus[i] = (int) (keys[i] & (CPU_LIMIT - 1));
        }
        return cpus;
    }

    /** The CPUs this plan takes host-wide: the dedicated ones and their idle siblings. */
    public CpuList locked() {
        return dedicated.union(idleSiblings);
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

    /** "; 4-7 nohz_full: one thread each; SMT siblings 20-23 left idle; CPUs 5 held by pid 4242 (…)", or "". */
    public String extras() {
        StringBuilder text = new StringBuilder();
        if (!exclusive.isEmpty()) {
            text.append("; ").append(exclusive).append(" nohz_full: one thread each");
        }
        if (!idleSiblings.isEmpty()) {
            text.append("; SMT siblings ").append(idleSiblings).append(" left idle");
        }
        text.append(held());
        return text.toString();
    }

    /** "; CPUs 1,3 held by pid 4242 (another JVM's pinned threads)", or "". */
    public String held() {
        if (heldElsewhere.isEmpty()) {
            return "";
        }
        Map<Long, BitSet> byPid = new TreeMap<>();
        for (Map.Entry<Integer, Long> held : heldElsewhere.entrySet()) {
            byPid.computeIfAbsent(held.getValue(), p -> new BitSet()).set(held.getKey());
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Long, BitSet> pid : byPid.entrySet()) {
            text.append("; CPUs ").append(CpuList.of(pid.getValue())).append(" held by ")
                    .append(pid.getKey() < 0 ? "a process starting up" : "pid " + pid.getKey());
        }
        return text.length() == 0 ? "" : text.append(" (other JVMs' pinned threads)").toString();
    }

    /** Why the rest of the JVM gets {@link #others}: for the cpu-affinity action's detail. */
    public String whyOthers() {
        return (canPin() ? "; CPUs " + dedicated + " kept for pinned threads" : "") + held();
    }
}
