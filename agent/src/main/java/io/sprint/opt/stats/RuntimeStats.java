package io.sprint.opt.stats;

import io.sprint.opt.config.Collector;
import io.sprint.opt.platform.Host;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;

/** Reads the {@link Stats} of this JVM: the seed's GetStats in JVM form. */
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

    public synchronized Stats read(AgentView agent) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        GcPauses.Summary gc = pauses.summary();
        return new Stats(agent.applied(), agent.level(), cpus, agent.maxThreads(), threads.getThreadCount(),
                threads.getDaemonThreadCount(), Math.round(heap.getUsed() / MB), Math.round(heap.getCommitted() / MB),
                GcPauses.collections(), round(gcCpuFraction(), 4), GcPauses.Summary.millis(gc.p50()),
                GcPauses.Summary.millis(gc.p95()), GcPauses.Summary.millis(gc.p99()), GcPauses.Summary.millis(gc.max()),
                round(allocRate(), 2), agent.hiccupP99Ms(), agent.pinnedThreads(), Runtime.version().toString(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
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
