package io.sprint.opt.stats;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.sprint.opt.log.Log;
import java.lang.instrument.Instrumentation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.Histogram;

/**
 * GC pauses as the JVM's GC notifications announce them, each timed to the nanosecond by
 * HotSpot's own pause counter where one belongs to the bean (the notification itself carries
 * whole milliseconds, so a sub-millisecond ZGC pause would read 0); see {@link PauseCounter#arrived}.
 * Percentiles cover every pause since the agent started listening, to the microsecond (3
 * significant digits). Concurrent collectors (ZGC, Shenandoah) report cycles and pauses through
 * separate beans; only pauses count here, never a cycle's length.
 */
public final class GcPauses implements NotificationListener {
    private static final int DIGITS = 3;
    /** The pause beans of generational ZGC, whose pauses JFR times when it can ({@link JfrPauses}). */
    static final List<String> JFR_TIMED = List.of("ZGC Minor Pauses", "ZGC Major Pauses");

    /** Which HotSpot pause counter times which GC bean's pauses (JDK 17 to 25). */
    private static final Map<String, String> COUNTER_OF_BEAN = Map.of(
            "G1 Young Generation", "G1 young collection pauses",
            "G1 Old Generation", "G1 full collection pauses",
            "G1 Concurrent GC", "G1 concurrent cycle pauses",
            "PS Scavenge", "Parallel young collection pauses",
            "PS MarkSweep", "Parallel full collection pauses",
            "Copy", "Serial young collection pauses",
            "MarkSweepCompact", "Serial full collection pauses",
            "ZGC Pauses", "Z concurrent cycle pauses",
            "ZGC Minor Pauses", "ZGC minor collection pauses",
            "ZGC Major Pauses", "ZGC major collection pauses");

    private final DurationRecorder recorder = new DurationRecorder(DIGITS);
    /** Every pause since listening began, read into by summary(). */
    private final Histogram all = DurationRecorder.accumulator(DIGITS);
    private final Map<String, PauseCounter> counterOfBean;
    /** Pause counters of this JVM that no GC bean reports: polled instead. */
    private final List<PauseCounter> unreported;
    private final List<PauseSink> sinks = new CopyOnWriteArrayList<>();
    private final List<NotificationEmitter> emitters = new CopyOnWriteArrayList<>();
    private long recorded;
    /** Whether generational ZGC's pauses come from JFR ({@link JfrPauses}), not the counters' shares. */
    private volatile boolean timedByJfr;
    private JfrPauses jfr;

    GcPauses(Map<String, PauseCounter> counterOfBean, List<PauseCounter> unreported) {
        this.counterOfBean = counterOfBean;
        this.unreported = unreported;
    }

    /**
     * Listens on every GC pause bean of this JVM; beans that are not emitters are passed over.
     * {@code inst} reaches HotSpot's pause counters; without it pauses are whole milliseconds.
     */
    public static GcPauses listen(Instrumentation inst) {
        List<PauseCounter> counters = PauseCounter.all(HotSpotCounters.read(inst, "sun\\.(gc\\.collector|os\\.hrt)\\."));
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> isPauseBean(b.getName())).collect(Collectors.toList());
        Map<String, PauseCounter> counterOfBean = new HashMap<>();
        for (GarbageCollectorMXBean bean : beans) {
            counters.stream().filter(c -> c.name().equals(COUNTER_OF_BEAN.get(bean.getName()))).findFirst()
                    .ifPresent(c -> counterOfBean.put(bean.getName(), c));
        }
        List<PauseCounter> unreported = counters.stream().filter(c -> !counterOfBean.containsValue(c))
                .filter(c -> COUNTER_OF_BEAN.containsValue(c.name())).collect(Collectors.toList());
        Log.debug("GC pauses: beans %s timed by %s, polled %s", counterOfBean.keySet(),
                counterOfBean.values().stream().map(PauseCounter::name).collect(Collectors.toList()),
                unreported.stream().map(PauseCounter::name).collect(Collectors.toList()));
        GcPauses pauses = new GcPauses(counterOfBean, unreported);
        for (GarbageCollectorMXBean bean : beans) {
            if (bean instanceof NotificationEmitter) {
                NotificationEmitter emitter = (NotificationEmitter) bean;
                emitter.addNotificationListener(pauses, null, null);
                pauses.emitters.add(emitter);
            }
        }
        return pauses;
    }

    /** Stops listening (restore leaves the stats running; this is for tests and shutdown). */
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        emitters.clear();
    }

    /** "ZGC Cycles", "ZGC Major Cycles", "Shenandoah Cycles" time whole concurrent cycles. */
    public static boolean isPauseBean(String name) {
        return !name.endsWith("Cycles");
    }

    void timedByJfr(boolean on) {
        timedByJfr = on;
    }

    /** Whether this JVM runs generational ZGC (JDK 21 with -XX:+ZGenerational, JDK 23 on). */
    private static boolean generationalZgc() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (JFR_TIMED.contains(bean.getName())) {
                return true;
            }
        }
        return false;
    }

    /** A pause the counters timed: dropped while JFR times this bean's pauses ({@link JfrPauses} records those). */
    private void counted(String bean, long nanos) {
        if (!(timedByJfr && JFR_TIMED.contains(bean))) {
            record(bean, nanos);
        }
    }

    /**
     * Generational ZGC: each pause from JFR while {@code ownStream} ({@code gc.jfr=true}) or a
     * recording with JFR's GC pause events runs; a no-op for other collectors.
     */
    public synchronized void followJfr(boolean ownStream, boolean recordingRuns) {
        // the module first: loading JfrPauses where jdk.jfr is absent (a jlinked runtime) would throw
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty() || !generationalZgc()) {
            return;
        }
        if (jfr == null) {
            jfr = new JfrPauses(this);
        }
        jfr.follow(ownStream, recordingRuns);
    }

    /** Whether pauses are timed to the nanosecond (HotSpot's counters were found). */
    public boolean precise() {
        return !counterOfBean.isEmpty();
    }

    /** Where every pause goes besides the percentiles, e.g. a Prometheus histogram. */
    @FunctionalInterface
    public interface PauseSink {
        /** @param collector the GC bean's name ("G1 Young Generation") */
        void pause(String collector, long nanos);
    }

    public void addSink(PauseSink sink) {
        sinks.add(sink);
    }

    public void removeSink(PauseSink sink) {
        sinks.remove(sink);
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
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        String collector = info.getGcName();
        long wholeMillis = info.getGcInfo().getDuration() * 1_000_000L;
        PauseCounter counter = counterOfBean.get(collector);
        if (counter == null) {
            counted(collector, wholeMillis);
        } else {
            for (long nanos : counter.arrived(info.getGcInfo().getId(), wholeMillis)) {
                counted(collector, nanos);
            }
        }
        pollUnreported();
    }

    /**
     * Takes in the pauses of counters without a bean, and those whose notification waited for
     * a pause that has ended since.
     */
    public void pollUnreported() {
        for (PauseCounter counter : unreported) {
            String bean = beanOf(counter.name());
            for (long nanos : counter.newPauses()) {
                counted(bean, nanos);
            }
        }
        for (Map.Entry<String, PauseCounter> bean : counterOfBean.entrySet()) {
            for (long nanos : bean.getValue().drain()) {
                counted(bean.getKey(), nanos);
            }
        }
    }

    /** The bean name HotSpot gives those pauses where it has a bean (G1's concurrent one is JDK 20+). */
    private static String beanOf(String counterName) {
        return COUNTER_OF_BEAN.entrySet().stream().filter(e -> e.getValue().equals(counterName))
                .map(Map.Entry::getKey).findFirst().orElse(counterName);
    }

    void record(String collector, long nanos) {
        recorder.recordNanos(nanos);
        synchronized (this) {
            recorded++;
        }
        for (PauseSink sink : sinks) {
            sink.pause(collector, nanos);
        }
    }

    /** Percentiles of every pause so far; zeros when there were none. */
    public Summary summary() {
        pollUnreported();
        synchronized (this) {
            all.add(recorder.interval());
            return new Summary(recorded, nanos(all, 50), nanos(all, 95), nanos(all, 99),
                    all.getTotalCount() == 0 ? 0 : all.getMaxValue() * 1000);
        }
    }

    private static long nanos(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) * 1000;
    }

    /** Pause statistics in ns. */
    public record Summary(long count, long p50, long p95, long p99, long max) {
        public static double millis(long nanos) {
            return Math.round(nanos / 1e3) / 1e3;
        }
    }
}
