package io.sprint.opt.pin;

import io.sprint.opt.platform.CpuTopology;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;

/**
 * What selected threads get: a dedicated CPU (when {@code cores} is not null), a real-time
 * policy (when {@code rtPriority} &gt; 0), 1 ns timer slack (when {@code latency}) and, on a host
 * of several NUMA nodes ({@code nodes}), memory from their CPU's node.
 *
 * <p>The real-time rule: a thread alone on its dedicated CPU runs {@code SCHED_FIFO}; threads
 * that share a CPU (more selected threads than dedicated CPUs, or no pinning at all) run
 * {@code SCHED_RR} at the same priority, so each gets its time slice and none can starve another
 * the way a spinning FIFO thread would. Other OSes name their own policy for each case
 * ({@link Platform#realTime}).
 */
public record PinConfig(NameGlobs globs, CorePlan cores, int rtPriority, boolean latency, CpuLocks locks,
                        CpuTopology nodes) {

    public PinConfig(NameGlobs globs, CorePlan cores, int rtPriority, boolean latency) {
        this(globs, cores, rtPriority, latency, null, null);
    }

    /** Whether a pinned thread should prefer memory from its CPU's NUMA node (more than one node). */
    public boolean prefersNode() {
        return cores != null && nodes != null && nodes.nodes().size() > 1;
    }

    public boolean pinsCores() {
        return cores != null;
    }

    /**
     * {@code relay-* → CPUs 1 (rest 0), RT SCHED_FIFO 10 alone / SCHED_RR 10 shared, slack 1 ns}, in
     * the policies {@code os} gives.
     */
    public String describe(Platform os) {
        StringBuilder text = new StringBuilder().append(globs).append(" →");
        if (cores != null) {
            text.append(" CPUs ").append(cores.dedicated()).append(" (rest ").append(cores.others()).append(cores.extras())
                    .append("),");
        }
        if (rtPriority > 0) {
            Scheduling alone = os.realTime(true, rtPriority);
            Scheduling shared = os.realTime(false, rtPriority);
            text.append(" RT ").append(alone.equals(shared) ? alone : alone + " alone / " + shared + " shared").append(',');
        }
        if (latency) {
            text.append(" slack 1 ns,");
        }
        if (prefersNode()) {
            text.append(" memory from the CPU's node,");
        }
        return text.substring(0, text.length() - 1);
    }
}
