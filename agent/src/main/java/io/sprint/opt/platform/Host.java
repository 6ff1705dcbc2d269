package io.sprint.opt.platform;

import io.sprint.opt.config.CpuList;
import java.util.List;
import java.util.SortedMap;

/**
 * Facts about this host and process, read without native calls (so without JNA, which loading
 * would initialise java.util.logging before the application chose its logging): where the
 * process may run, its cgroup limits, NUMA, transparent huge pages, what it is privileged to do,
 * and the doctor's checks. Linux reads /proc and /sys; elsewhere the JDK's own view stands in.
 */
public interface Host {
    /** CPUs this process may run on: its affinity mask, which already carries the cgroup cpuset. */
    CpuList allowedCpus();

    /**
     * n of the level table: the CPUs this process may use, capped by the cgroup CPU quota rounded
     * up (a 1.5-CPU quota can keep two threads busy part of the time).
     */
    default int usableCpuCount() {
        return usableCpuCount(allowedCpus());
    }

    /** {@link #usableCpuCount()} from {@code allowed}, this process's CPUs read just before. */
    default int usableCpuCount(CpuList allowed) {
        int cpus = allowed.count();
        double quota = cpuQuota();
        return quota > 0 ? Math.max(1, Math.min(cpus, (int) Math.ceil(quota))) : cpus;
    }

    /** CPUs' worth of cgroup CPU quota, or -1 for none. */
    double cpuQuota();

    /** The cgroup memory limit in bytes, or -1 for none. */
    long memoryLimitBytes();

    /**
     * The CPUs this process may be given and how they are built: cpuset, isolated and nohz_full
     * CPUs, SMT siblings, NUMA nodes.
     */
    CpuTopology topology();

    /** Each NUMA node's CPUs, by node number; empty where the OS shows no nodes. */
    SortedMap<Integer, CpuList> numaNodeCpus();

    default int numaNodes() {
        return Math.max(1, numaNodeCpus().size());
    }

    /** Transparent huge pages mode (always, madvise, never), or "unavailable". */
    String thpMode();

    /** Whether real-time policies are allowed to this process. */
    boolean rtCapable();

    /** Whether this process may lock all of its memory. */
    boolean memlockCapable();

    /** CPU seconds the collector's own threads have used, or -1 where the OS does not say. */
    double gcThreadsCpuSeconds();

    /** {@code doctor}: what this host lets a latency profile do. */
    List<Check> doctor(CpuList cores);
}
