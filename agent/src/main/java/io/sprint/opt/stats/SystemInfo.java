package io.sprint.opt.stats;

import io.sprint.opt.config.Collector;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.LevelTable;
import io.sprint.opt.platform.Host;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed's GetSystemInfo in JVM form: the {@code SystemInfo} attribute. */
public final class SystemInfo {
    private SystemInfo() {
    }

    /**
     * @param usable the CPUs the process may use, as found at start (before the agent narrowed
     *     any affinity)
     * @param cpus n: usable capped by the CPU quota
     */
    public static Map<String, Object> read(Host host, Collector collector, CpuList usable, int cpus) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        info.put("arch", System.getProperty("os.arch"));
        info.put("java_version", Runtime.version().toString());
        info.put("vm_name", System.getProperty("java.vm.name"));
        info.put("gc", collector.toString());
        info.put("num_cpu", cpus);
        info.put("cpus_allowed", usable.toString());
        info.put("cpu_quota", host.cpuQuota());
        info.put("memory_limit_mb", mb(host.memoryLimitBytes()));
        info.put("max_heap_mb", mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()));
        info.put("numa_nodes", host.numaNodes());
        info.put("thp_mode", host.thpMode());
        info.put("rt_capable", host.rtCapable());
        info.put("memlock_capable", host.memlockCapable());
        info.put("optimal_threads", optimalThreads(cpus));
        return info;
    }

    /** Usable CPUs less the housekeeping cores the pinning planner also keeps. */
    static int optimalThreads(int cpus) {
        return Math.max(1, cpus - LevelTable.housekeeping(cpus));
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : bytes >> 20;
    }
}
