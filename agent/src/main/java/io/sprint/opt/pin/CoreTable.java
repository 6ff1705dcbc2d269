package io.sprint.opt.pin;

import io.sprint.opt.config.CpuList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Live use of the dedicated CPUs: which pinned threads each holds. A new thread goes to the least
 * used CPU in the plan's order (so, with more threads than CPUs, they share round robin), except
 * that an exclusive CPU (nohz_full) takes one thread only; a CPU's thread leaves when it ends or
 * is unpinned. Not thread-safe: the pinner serialises.
 */
final class CoreTable {
    private final Map<Integer, Set<PinnedThread>> users = new LinkedHashMap<>();
    private final CpuList exclusive;

    CoreTable(int[] order) {
        this(order, CpuList.NONE);
    }

    CoreTable(int[] order, CpuList exclusive) {
        this.exclusive = exclusive;
        for (int cpu : order) {
            users.put(cpu, new LinkedHashSet<>());
        }
    }

    /** Takes {@code cpu} out of the table: another JVM took it between plan and start. */
    void drop(int cpu) {
        users.remove(cpu);
    }

    /** The CPU the next thread should take, or -1 when every one left is exclusive and taken. */
    int leastUsed() {
        int best = -1;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Set<PinnedThread>> cpu : users.entrySet()) {
            if (exclusive.contains(cpu.getKey()) && !cpu.getValue().isEmpty()) {
                continue;
            }
            if (cpu.getValue().size() < fewest) {
                best = cpu.getKey();
                fewest = cpu.getValue().size();
            }
        }
        return best;
    }

    void add(int cpu, PinnedThread thread) {
        users.get(cpu).add(thread);
    }

    void remove(int cpu, PinnedThread thread) {
        Set<PinnedThread> on = users.get(cpu);
        if (on != null) {
            on.remove(thread);
        }
    }

    /** The threads on {@code cpu} now. */
    Set<PinnedThread> on(int cpu) {
        return Collections.unmodifiableSet(users.getOrDefault(cpu, Set.of()));
    }

    int users(int cpu) {
        return on(cpu).size();
    }
}
