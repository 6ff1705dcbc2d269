package io.sprint.opt.testapp;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** What the run cost: GC pauses (from the GC notifications), CPU use, heap and resident memory. */
final class RunFigures {
    private final long startNanos = System.nanoTime();
    private final long startCpuNanos = processCpuNanos();
    private long pauses;
    private long pauseMillisTotal;
    private long pauseMillisMax;
    private long heapMaxBytes;
    private long rssMaxKb;

    RunFigures() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter && !bean.getName().endsWith("Cycles")) {
                ((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(
                            com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        recordPause(com.sun.management.GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData()).getGcInfo().getDuration());
                    }
                }, null, null);
            }
        }
    }

    private synchronized void recordPause(long millis) {
        pauses++;
        pauseMillisTotal += millis;
        pauseMillisMax = Math.max(pauseMillisMax, millis);
    }

    /** Called once a second: the memory high-water marks. */
    synchronized void sample() {
        heapMaxBytes = Math.max(heapMaxBytes, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        rssMaxKb = Math.max(rssMaxKb, rssKb());
    }

    private double cpuPercent() {
        long cpu = processCpuNanos();
        double wall = System.nanoTime() - startNanos;
        return cpu < 0 ? -1 : 100.0 * (cpu - startCpuNanos) / wall / Runtime.getRuntime().availableProcessors();
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "GC %d pauses, %d ms in total, max %d ms; CPU %.0f %% of %d CPUs;"
                        + " heap max %d MB, RSS max %d MB", pauses, pauseMillisTotal, pauseMillisMax, cpuPercent(),
                Runtime.getRuntime().availableProcessors(), heapMaxBytes >> 20, rssMaxKb >> 10);
    }

    synchronized String keyValues() {
        return String.format(Locale.ROOT, "gc_pauses=%d gc_pause_total_ms=%d gc_pause_max_ms=%d cpu_pct=%.1f heap_mb=%d"
                + " rss_mb=%d", pauses, pauseMillisTotal, pauseMillisMax, cpuPercent(), heapMaxBytes >> 20, rssMaxKb >> 10);
    }
}
