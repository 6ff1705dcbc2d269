package io.sprint.opt.stats;

import io.sprint.opt.config.Collector;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.LevelTable;
import io.sprint.opt.platform.CpuTopology;
import io.sprint.opt.platform.Host;
import java.lang.management.ManagementFactory;

/**
 * The {@code SystemInfo} attribute: the seed's GetSystemInfo in JVM form (snake-case items over
 * JMX, as {@link Stats}).
 *
 * @param numCpu n: the usable CPUs capped by the CPU quota
 * @param cpusAllowed the process's affinity mask at start (before the agent narrowed any)
 * @param cpuPool the CPUs pinned threads may be given: the cgroup's cpuset ∩ online CPUs
 * @param optimalThreads usable CPUs less the housekeeping cores the pinning planner also keeps
 */
public record SystemInfo(String os, String arch, String javaVersion, String vmName, String gc, int numCpu,
                         String cpusAllowed, String cpuPool, String isolatedCpus, String nohzFullCpus,
                         int threadsPerCore, double cpuQuota, long memoryLimitMb, long maxHeapMb, int numaNodes,
                         String thpMode, boolean rtCapable, boolean memlockCapable, int optimalThreads) {

    public static SystemInfo read(Host host, Collector collector, CpuList usable, int cpus) {
        CpuTopology topology = host.topology();
        int threadsPerCore = topology.siblings().values().stream().mapToInt(CpuList::count).max().orElse(1);
        return new SystemInfo(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.version().toString(), System.getProperty("java.vm.name"),
                collector.toString(), cpus, usable.toString(), topology.pool().toString(), topology.isolated().toString(),
                topology.nohzFull().toString(), threadsPerCore, host.cpuQuota(), mb(host.memoryLimitBytes()),
                mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()), host.numaNodes(),
                host.thpMode(), host.rtCapable(), host.memlockCapable(), optimalThreads(cpus));
    }

    static int optimalThreads(int cpus) {
        return Math.max(1, cpus - LevelTable.housekeeping(cpus));
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : bytes >> 20;
    }
}
