package io.sprint.opt.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sprint.opt.stats.GcPauses;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;

/**
 * The Prometheus meters: design.md's {@code runtime_*} names (the seed's, so its Grafana queries
 * work) and Micrometer's own JVM and process binders for everything they already measure.
 */
public final class RuntimeMeters implements AutoCloseable {
    /** What the agent alone knows; read at each scrape. */
    public interface Source {
        /** basic 0 … turbo 4; -1 when no level is applied. */
        int level();

        boolean healthy();

        int pinnedThreads();

        double gcCpuFraction();

        /** Settings that drifted from the level at the last check; NaN before any check. */
        double drifted();
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final Timer hiccups;
    /** The GC pause histogram of each collector, so a pause does not rebuild its buckets and look it up. */
    private final Map<String, Timer> gcPauseTimers = new ConcurrentHashMap<>();

    /**
     * Micrometer meters whose Prometheus names fail {@code promtool check metrics}: a unit abbreviation
     * in the name (jvm_compilation_time_ms_total, process_cpu_time_ns_total) or "_count" on a gauge
     * (system_cpu_count). Left out; process_cpu_usage and SystemInfo's num_cpu say the same.
     */
    static final Set<String> LINT_FAILURES = Set.of("jvm.compilation.time", "process.cpu.time",
            "system.cpu.count");

    public RuntimeMeters(Source source) {
        registry.config().meterFilter(io.micrometer.core.instrument.config.MeterFilter.deny(
                id -> LINT_FAILURES.contains(id.getName())));
        gauge("runtime.heap.alloc", "bytes", "Heap in use (Go's HeapAlloc)", source,
                s -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        gauge("runtime.heap.sys", "bytes", "Heap committed by the JVM (Go's HeapSys)", source,
                s -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
        gauge("runtime.gc.cpu.fraction", null, "GC threads' CPU time over the CPU time available since start",
                source, Source::gcCpuFraction);
        gauge("runtime.num.threads", null, "Live threads (where Go counts goroutines)", source,
                s -> ManagementFactory.getThreadMXBean().getThreadCount());
        gauge("runtime.optimization.level", null, "Level in force: basic 0 ... turbo 4, -1 none", source,
                Source::level);
        gauge("runtime.optimization.healthy", null, "1 when the health check passes, else 0", source,
                s -> s.healthy() ? 1 : 0);
        gauge("runtime.pinned.threads", null, "Threads pinned by pin=", source, Source::pinnedThreads);
        gauge("runtime.optimization.drift", null, "Settings that no longer read what the level applied, at the last"
                + " check (verify or drift=); NaN before any", source, Source::drifted);
        // a series per pause collector from the start, so dashboards show zeros rather than nothing
        ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> GcPauses.isPauseBean(b.getName()))
                .forEach(b -> gcPauseTimer(b.getName()));
        hiccups = pauseHistogram("runtime.hiccup.duration", "How late a 1 ms sleep woke (hiccup=true)").register(registry);
        bind(new JvmMemoryMetrics());
        bind(new JvmGcMetrics());
        bind(new JvmThreadMetrics());
        bind(new ClassLoaderMetrics());
        bind(new JvmCompilationMetrics());
        bind(new JvmInfoMetrics());
        bind(new ProcessorMetrics());
        bind(new UptimeMetrics());
        bind(new FileDescriptorMetrics());
    }

    private void gauge(String name, String unit, String help, Source source, ToDoubleFunction<Source> value) {
        Gauge.builder(name, source, value).baseUnit(unit).description(help).strongReference(true).register(registry);
    }

    /** The seed's buckets: 10 µs doubling twenty times, to 5.2 s. */
    private static Timer.Builder pauseHistogram(String name, String help) {
        Duration[] buckets = new Duration[20];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = Duration.ofNanos(10_000L << i);
        }
        return Timer.builder(name).description(help).serviceLevelObjectives(buckets);
    }

    private void bind(MeterBinder binder) {
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable) {
            binders.add((AutoCloseable) binder);
        }
    }

    /**
     * GC pauses, one series per collector ({@code collector="G1 Young Generation"}): the seed's
     * query shows each; {@code sum by (le)} gives the overall histogram.
     */
    public GcPauses.PauseSink gcPauseSink() {
        return (collector, nanos) -> gcPauseTimer(collector).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer gcPauseTimer(String collector) {
        return gcPauseTimers.computeIfAbsent(collector, c -> pauseHistogram("runtime.gc.pause.duration",
                "GC pause duration").tag("collector", c).register(registry));
    }

    public LongConsumer hiccupSink() {
        return nanos -> hiccups.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text format (0.0.4). */
    public void scrape(OutputStream out) throws IOException {
        registry.scrape(out);
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // a listener already gone; nothing to release
            }
        }
        registry.close();
    }
}
