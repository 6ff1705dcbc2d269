package io.sprint.opt.platform;

import io.sprint.opt.config.CpuList;
import java.util.Map;

/**
 * The CPUs this process may be given, and how they are built: what the dedicated-CPU planner
 * needs to know of a host.
 *
 * @param pool the cgroup's cpuset (effective) ∩ online CPUs: every CPU this process may be
 *     pinned to, including those its start-up affinity mask leaves out (isolcpus)
 * @param isolated the pool's CPUs the kernel keeps the scheduler's load balancing off (isolcpus)
 * @param nohzFull the pool's CPUs with the scheduler tick stopped while one task runs (nohz_full)
 * @param siblings each pool CPU's hardware threads of the same core (itself included)
 * @param nodes each NUMA node's CPUs in the pool, by node number; empty on a host without nodes
 */
public record CpuTopology(CpuList pool, CpuList isolated, CpuList nohzFull, Map<Integer, CpuList> siblings,
                          Map<Integer, CpuList> nodes) {

    /** The CPU's core: itself and its SMT siblings (itself alone where siblings are unknown). */
    public CpuList core(int cpu) {
        return siblings.getOrDefault(cpu, CpuList.of(cpu));
    }

    /** The NUMA node holding {@code cpu}, or -1. */
    public int nodeOf(int cpu) {
        for (Map.Entry<Integer, CpuList> node : nodes.entrySet()) {
            if (node.getValue().contains(cpu)) {
                return node.getKey();
            }
        }
        return -1;
    }
}
