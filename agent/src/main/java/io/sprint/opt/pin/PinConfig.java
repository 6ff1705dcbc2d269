package io.sprint.opt.pin;

import io.sprint.opt.platform.Scheduling;

/**
 * What selected threads get: a dedicated CPU (when {@code cores} is not null), a real-time
 * policy (when {@code rtPriority} &gt; 0) and 1 ns timer slack (when {@code latency}).
 *
 * <p>The real-time rule: a thread alone on its dedicated CPU runs {@code SCHED_FIFO}; threads
 * that share a CPU (more selected threads than dedicated CPUs, or no pinning at all) run
 * {@code SCHED_RR} at the same priority, so each gets its time slice and none can starve another
 * the way a spinning FIFO thread would.
 */
public record PinConfig(NameGlobs globs, CorePlan cores, int rtPriority, boolean latency) {

    public boolean pinsCores() {
        return cores != null;
    }

    Scheduling policy(boolean aloneOnDedicatedCpu) {
        return Scheduling.realTime(aloneOnDedicatedCpu ? Scheduling.Policy.FIFO : Scheduling.Policy.RR, rtPriority);
    }

    /** {@code relay-* → CPUs 1 (rest 0), RT 10 (FIFO alone, RR shared), slack 1 ns}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(globs).append(" →");
        if (cores != null) {
            text.append(" CPUs ").append(cores.dedicated()).append(" (rest ").append(cores.others()).append("),");
        }
        if (rtPriority > 0) {
            text.append(" RT ").append(rtPriority).append(" (FIFO alone, RR shared),");
        }
        if (latency) {
            text.append(" slack 1 ns,");
        }
        return text.substring(0, text.length() - 1);
    }
}
