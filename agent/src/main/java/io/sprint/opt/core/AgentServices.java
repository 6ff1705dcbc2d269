package io.sprint.opt.core;

import io.sprint.opt.config.HostPort;
import io.sprint.opt.config.OptionKey;
import io.sprint.opt.config.Options;
import io.sprint.opt.jdk.MissingModule;
import io.sprint.opt.log.Log;
import io.sprint.opt.metrics.MetricsEndpoint;
import io.sprint.opt.metrics.RuntimeMeters;
import io.sprint.opt.monitor.AdaptivePolicy;
import io.sprint.opt.monitor.AdaptiveTuner;
import io.sprint.opt.monitor.DriftWatch;
import io.sprint.opt.monitor.HiccupLog;
import io.sprint.opt.monitor.HiccupMeter;
import io.sprint.opt.monitor.MonitorThread;
import io.sprint.opt.stats.GcPauses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What runs beside the level: the {@code /metrics} endpoint, the hiccup meter, adaptive tuning
 * and the drift watch. Every apply reconfigures them from its options (what is unchanged keeps
 * running). Restore stops adaptive tuning and the drift watch, which would otherwise change the
 * JVM again; metrics and hiccups go on measuring the restored JVM.
 */
final class AgentServices {
    private final GcPauses pauses;
    private final RuntimeMeters.Source source;
    private final AdaptiveTuner.Stepper stepper;
    private final int cpus;
    private final MonitorThread monitor = new MonitorThread();
    private final DriftWatch driftWatch;
    private RuntimeMeters meters;
    private GcPauses.PauseSink metersGcSink;
    private LongConsumer metersHiccupSink;
    private MetricsEndpoint endpoint;
    private HostPort requestedAddress;
    private HiccupMeter hiccups;
    private HiccupLog hiccupLog;
    private boolean gcJfr;
    private boolean gcPauseRecordings;
    private AdaptiveTuner tuner;

    AgentServices(GcPauses pauses, RuntimeMeters.Source source, AdaptiveTuner.Stepper stepper,
                  DriftWatch.Checker drift, int cpus) {
        this.pauses = pauses;
        this.driftWatch = new DriftWatch(drift);
        this.source = source;
        this.stepper = stepper;
        this.cpus = cpus;
    }

    synchronized void configure(Options options) {
        configureMetrics(options.metrics());
        String logPath = (String) options.value(OptionKey.HICCUP_LOG);
        configureHiccups(options.flag(OptionKey.HICCUP) || logPath != null);
        configureHiccupLog(logPath == null ? null : Path.of(logPath));
        gcJfr = options.flag(OptionKey.GC_JFR);
        pauses.followJfr(gcJfr, gcPauseRecordings);
        configureAdaptive(options.flag(OptionKey.ADAPTIVE), AdaptivePolicy.Config.of(options));
        monitor.run(hiccups, tuner);
        driftWatch.run(DriftWatch.Mode.of((String) options.value(OptionKey.DRIFT)),
                options.integer(OptionKey.DRIFT_INTERVAL));
    }

    private void configureMetrics(HostPort wanted) {
        if (endpoint != null && !requestedAddress.equals(wanted)) {
            stopMetrics();
        }
        if (wanted == null || endpoint != null) {
            return;
        }
        try {
            meters = new RuntimeMeters(source);
            metersGcSink = meters.gcPauseSink();
            pauses.addSink(metersGcSink);
            metersHiccupSink = meters.hiccupSink();
            if (hiccups != null) {
                hiccups.addSink(metersHiccupSink);
            }
            endpoint = MetricsEndpoint.start(wanted, meters::scrape);
            requestedAddress = wanted;
            Log.info("metrics: Prometheus endpoint on http://%s/metrics", endpoint.address());
            if (MetricsEndpoint.reachableFromOtherHosts(wanted)) {
                Log.warn("metrics: http://%s/metrics is plain HTTP without authentication, open to every host that"
                        + " reaches this one: keep it behind a firewall or network policy", endpoint.address());
            }
        } catch (Exception | LinkageError e) {
            Log.warn("metrics: cannot serve /metrics on %s (metrics=%s): %s; the application runs on", wanted,
                    wanted, MissingModule.describe(e));
            stopMetrics();
        }
    }

    private void stopMetrics() {
        if (endpoint != null) {
            endpoint.close();
            Log.info("metrics: endpoint on %s closed", endpoint.address());
        }
        if (meters != null) {
            pauses.removeSink(metersGcSink);
            if (hiccups != null) {
                hiccups.removeSink(metersHiccupSink);
            }
            meters.close();
        }
        endpoint = null;
        requestedAddress = null;
        meters = null;
    }

    private void configureHiccups(boolean wanted) {
        if (wanted && hiccups == null) {
            hiccups = new HiccupMeter();
            if (meters != null) {
                hiccups.addSink(metersHiccupSink);
            }
            Log.info("hiccup meter on (thread sprint-opt-monitor)");
        } else if (!wanted && hiccups != null) {
            hiccups = null;
            Log.info("hiccup meter off");
        }
    }

    private void configureHiccupLog(Path wanted) {
        if (hiccupLog != null && (wanted == null || !hiccupLog.path().equals(wanted) || hiccups == null)) {
            hiccupLog.close();
            Log.info("hiccup log %s closed", hiccupLog.path());
            hiccupLog = null;
        }
        if (wanted == null || hiccupLog != null) {
            return;
        }
        try {
            hiccupLog = HiccupLog.open(wanted);
            hiccups.addSink(hiccupLog);
            Log.info("hiccup log: interval histograms every 5 s to %s", wanted);
        } catch (IOException | RuntimeException e) {
            Log.warn("hiccup log: cannot write %s (hiccup.log=%s): %s; the meter runs on", wanted, wanted, e.getMessage());
        }
    }

    private void configureAdaptive(boolean wanted, AdaptivePolicy.Config config) {
        boolean same = tuner != null && tuner.config().equals(config) && tuner.hiccups() == hiccups;
        if (tuner != null && (!wanted || !same)) {
            stopAdaptive();
        }
        if (wanted && tuner == null) {
            tuner = new AdaptiveTuner(config, stepper, hiccups, cpus);
            pauses.addSink(tuner.gcPauseSink());
            Log.info("adaptive tuning on: %s; signal: p99 of %s", config,
                    hiccups == null ? "GC pauses (hiccup=true adds hiccups)" : "hiccups and GC pauses");
        }
    }

    /** A recording with JFR's GC pause events started or stopped: generational ZGC's pauses follow it. */
    synchronized void gcPauseRecordings(boolean running) {
        gcPauseRecordings = running;
        pauses.followJfr(gcJfr, running);
    }

    /** Restore: stops what would change the JVM again, adaptive tuning and the drift watch. */
    synchronized void stopChanging() {
        driftWatch.stop();
        stopAdaptive();
    }

    /** Stops adaptive tuning alone. */
    synchronized void stopAdaptive() {
        if (tuner != null) {
            pauses.removeSink(tuner.gcPauseSink());
            tuner = null;
            monitor.run(hiccups, null);
            Log.info("adaptive tuning off");
        }
    }

    synchronized boolean adaptiveOn() {
        return tuner != null;
    }

    synchronized List<String> adaptiveDecisions() {
        return tuner == null ? List.of() : tuner.decisions();
    }

    /** The hiccup window's p99 in ms, -1 when the meter is off. */
    synchronized double hiccupP99Millis() {
        return hiccups == null ? -1 : hiccups.p99Millis();
    }
}
