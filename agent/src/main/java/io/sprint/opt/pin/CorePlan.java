package io.sprint.opt.pin;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.LevelTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which CPUs pinned threads get and which the rest of the JVM keeps. Dedicated CPUs are the
 * requested list (the level's affinity list or {@code cpus=}; all usable CPUs when the level has
 * none) within the CPUs this process may use; the lowest of them go back to the rest when
 * needed so that housekeeping keeps its cores (one up to 16 usable CPUs, two above: what the seed
 * reserves). Pinned threads take dedicated CPUs node by node, the node with most of them first.
 *
 * @param dedicated CPUs for pinned threads, empty when none can be spared
 * @param others CPUs for every other thread of the JVM
 * @param order dedicated CPUs in the order they are handed out
 */
public record CorePlan(CpuList dedicated, CpuList others, int[] order) {

    /**
     * @param requested the level's affinity list or cpus=, or null for all usable CPUs
     * @param nodes each NUMA node's CPUs (empty or one entry: no NUMA ordering)
     */
    public static CorePlan of(CpuList usable, CpuList requested, Map<Integer, CpuList> nodes) {
        CpuList wanted = requested == null ? usable : requested.intersect(usable);
        int keep = LevelTable.housekeeping(usable.count());
        int[] candidates = wanted.toArray();
        int give = 0;
        while (give < candidates.length && usable.count() - (candidates.length - give) < keep) {
            give++;
        }
        BitSet kept = new BitSet();
        for (int i = give; i < candidates.length; i++) {
            kept.set(candidates[i]);
        }
        CpuList dedicated = CpuList.of(kept);
        return new CorePlan(dedicated, usable.minus(dedicated), order(dedicated, nodes));
    }

    private static int[] order(CpuList dedicated, Map<Integer, CpuList> nodes) {
        List<CpuList> groups = new ArrayList<>();
        for (CpuList node : nodes.values()) {
            CpuList mine = node.intersect(dedicated);
            if (!mine.isEmpty()) {
                groups.add(mine);
            }
        }
        groups.sort(Comparator.comparingInt(CpuList::count).reversed());
        CpuList placed = CpuList.of(new BitSet());
        List<Integer> order = new ArrayList<>();
        for (CpuList group : groups) {
            for (int cpu : group.toArray()) {
                order.add(cpu);
            }
            placed = placed.union(group);
        }
        for (int cpu : dedicated.minus(placed).toArray()) {
            order.add(cpu);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    public boolean canPin() {
        return !dedicated.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorePlan && ((CorePlan) o).dedicated.equals(dedicated)
                && ((CorePlan) o).others.equals(others) && Arrays.equals(((CorePlan) o).order, order);
    }

    @Override
    public int hashCode() {
        return dedicated.hashCode() * 31 + others.hashCode();
    }

    @Override
    public String toString() {
        return "CPUs " + dedicated + " for pinned threads, " + others + " for the rest";
    }
}
