package io.sprint.opt.stats;

import io.sprint.opt.config.Collector;
import io.sprint.opt.platform.Host;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed's GetStats in JVM form: the {@code Stats} attribute, key for key. */
public final class RuntimeStats {
    private static final double MB = 1 << 20;

    private final GcPauses pauses;
    private final Collector collector;
    private final int cpus;
    private final Host host;
    private long lastSampleNanos = System.nanoTime();
    private long lastAllocatedBytes = allocatedBytes();
    private double allocRateMbPerSecond;

    /**
     * @param cpus n: the CPUs the process may use, as found at start (availableProcessors()
     *     follows the affinity mask, which the agent itself may narrow)
     */
    public RuntimeStats(GcPauses pauses, Collector collector, int cpus, Host host) {
        this.pauses = pauses;
        this.host = host;
        this.collector = collector;
        this.cpus = cpus;
    }

    /** What the optimizer contributes: its state, and the values it alone knows. */
    public record AgentView(boolean applied, String level, int maxThreads, int pinnedThreads, double hiccupP99Ms) {
    }

    public synchronized Map<String, Object> read(AgentView agent) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        GcPauses.Summary gc = pauses.summary();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("applied", agent.applied());
        stats.put("level", agent.level());
        stats.put("num_cpu", cpus);
        stats.put("max_threads", agent.maxThreads());
        stats.put("num_threads", threads.getThreadCount());
        stats.put("daemon_threads", threads.getDaemonThreadCount());
        stats.put("heap_alloc_mb", Math.round(heap.getUsed() / MB));
        stats.put("heap_sys_mb", Math.round(heap.getCommitted() / MB));
        stats.put("num_gc", GcPauses.collections());
        stats.put("gc_cpu_fraction", round(gcCpuFraction(), 4));
        stats.put("gc_pause_p50_ms", GcPauses.Summary.millis(gc.p50()));
        stats.put("gc_pause_p95_ms", GcPauses.Summary.millis(gc.p95()));
        stats.put("gc_pause_p99_ms", GcPauses.Summary.millis(gc.p99()));
        stats.put("gc_pause_max_ms", GcPauses.Summary.millis(gc.max()));
        stats.put("alloc_rate_mb_s", round(allocRate(), 2));
        stats.put("hiccup_p99_ms", agent.hiccupP99Ms());
        stats.put("pinned_threads", agent.pinnedThreads());
        stats.put("java_version", Runtime.version().toString());
        stats.put("uptime_s", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        return stats;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * GC CPU time over the CPU time available to the process since start (Go's definition).
     * Serial GC collects on the VM thread, which does other work too, so there (and where /proc
     * is missing) the stop-the-world time stands in: one CPU busy for each pause.
     */
    public double gcCpuFraction() {
        double gcSeconds = collector == Collector.SERIAL ? -1 : host.gcThreadsCpuSeconds();
        if (gcSeconds < 0) {
            gcSeconds = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .filter(b -> GcPauses.isPauseBean(b.getName()))
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum() / 1000.0;
        }
        double available = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0 * cpus;
        return available <= 0 ? 0 : Math.min(1, gcSeconds / available);
    }

    /** MB/s allocated by all threads between this read and the previous one (at least 100 ms). */
    private double allocRate() {
        long now = System.nanoTime();
        long bytes = allocatedBytes();
        if (bytes < 0) {
            return 0;
        }
        if (now - lastSampleNanos >= 100_000_000L) {
            allocRateMbPerSecond = (bytes - lastAllocatedBytes) / MB / ((now - lastSampleNanos) / 1e9);
            lastSampleNanos = now;
            lastAllocatedBytes = bytes;
        }
        return allocRateMbPerSecond;
    }

    private static long allocatedBytes() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
            if (hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled()) {
                return hotspot.getTotalThreadAllocatedBytes();
            }
        }
        return -1;
    }
}
