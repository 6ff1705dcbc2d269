package io.sprint.opt.stats;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * GC pauses from the JVM's GC notifications, the last {@value #CAPACITY} kept for percentiles.
 * Concurrent collectors (ZGC, Shenandoah) report cycles and pauses through separate beans;
 * only the pause beans count here, never a cycle's length.
 */
public final class GcPauses implements NotificationListener {
    private static final int CAPACITY = 4096;

    private final long[] pausesMillis = new long[CAPACITY];
    private long recorded;

    /** Listens on every GC bean of this JVM; beans that are not emitters are passed over. */
    public static GcPauses listen() {
        GcPauses pauses = new GcPauses();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter && isPauseBean(bean.getName())) {
                ((NotificationEmitter) bean).addNotificationListener(pauses,
                        n -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()),
                        null);
            }
        }
        return pauses;
    }

    /** "ZGC Cycles", "ZGC Major Cycles", "Shenandoah Cycles" time whole concurrent cycles. */
    static boolean isPauseBean(String name) {
        return !name.endsWith("Cycles");
    }

    /**
     * Completed collections, Go's NumGC: the cycle beans where the collector has them, else the
     * pause beans except G1's concurrent-cycle bean (its events are remark and cleanup pauses).
     */
    public static long collections() {
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        boolean hasCycles = beans.stream().anyMatch(b -> !isPauseBean(b.getName()));
        return beans.stream()
                .filter(b -> hasCycles ? !isPauseBean(b.getName()) : !"G1 Concurrent GC".equals(b.getName()))
                .mapToLong(b -> Math.max(0, b.getCollectionCount()))
                .sum();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        record(info.getGcInfo().getDuration());
    }

    synchronized void record(long millis) {
        pausesMillis[(int) (recorded++ % CAPACITY)] = millis;
    }

    /** Percentiles (nearest rank) of the kept pauses, in ms; zeros when there were none. */
    public synchronized Summary summary() {
        int size = (int) Math.min(recorded, CAPACITY);
        long[] sorted = Arrays.copyOf(pausesMillis, size);
        Arrays.sort(sorted);
        return new Summary(recorded, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                size == 0 ? 0 : sorted[size - 1]);
    }

    private static long rank(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    /** Pause statistics in ms (HotSpot reports whole milliseconds). */
    public record Summary(long count, long p50, long p95, long p99, long max) {
    }
}
