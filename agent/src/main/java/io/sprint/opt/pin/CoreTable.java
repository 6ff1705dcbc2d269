package io.sprint.opt.pin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live use of the dedicated CPUs: each pinned thread takes the least used one (so, with more
 * threads than CPUs, they share round robin), in the plan's order; a CPU is given back when its
 * thread ends or is unpinned. Not thread-safe: the pinner serialises.
 */
final class CoreTable {
    private final Map<Integer, Integer> users = new LinkedHashMap<>();

    CoreTable(int[] order) {
        for (int cpu : order) {
            users.put(cpu, 0);
        }
    }

    int take() {
        int best = -1;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Integer> cpu : users.entrySet()) {
            if (cpu.getValue() < fewest) {
                best = cpu.getKey();
                fewest = cpu.getValue();
            }
        }
        users.merge(best, 1, Integer::sum);
        return best;
    }

    void release(int cpu) {
        users.computeIfPresent(cpu, (key, count) -> Math.max(0, count - 1));
    }

    int users(int cpu) {
        return users.getOrDefault(cpu, 0);
    }
}
