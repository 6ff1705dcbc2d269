package io.sprint.opt.core;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Drift;
import io.sprint.opt.config.Collector;
import io.sprint.opt.config.Level;
import io.sprint.opt.config.Options;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.events.FlightEvents;
import io.sprint.opt.jdk.ManagementInternals;
import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.journal.JournalOwner;
import io.sprint.opt.journal.StaleJournals;
import io.sprint.opt.log.Log;
import io.sprint.opt.mbean.MBeanRegistrar;
import io.sprint.opt.mbean.OptimizerControl;
import io.sprint.opt.metrics.RuntimeMeters;
import io.sprint.opt.monitor.AdaptiveTuner;
import io.sprint.opt.monitor.DriftWatch;
import io.sprint.opt.pin.PinnedThreadRow;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.stats.GcPauses;
import io.sprint.opt.stats.HealthCheck;
import io.sprint.opt.stats.RuntimeStats;
import io.sprint.opt.stats.Stats;
import io.sprint.opt.stats.SystemInfo;
import io.sprint.opt.threads.AgentThreads;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The agent inside one JVM: its optimizer, its stats and its MBean. Created once per JVM. */
final class AgentRuntime implements OptimizerControl {
    private final Optimizer optimizer;
    private final Collector collector;
    private final Wiring wiring;
    private final int cpus;
    private final ThreadPinning pinning;
    private final Instrumentation inst;
    private final HostExit exit;
    private RuntimeStats stats;
    private GcPauses pauses;
    private volatile AgentServices services;
    /** What the last check found; null before any. */
    private volatile List<Drift> lastDrift;
    /** The options of the last apply: the services follow them, adaptive tuning varies their level. */
    private volatile Options options = Options.DEFAULTS;

    private AgentRuntime(Wiring wiring, Instrumentation inst) {
        this.wiring = wiring;
        this.collector = wiring.flags().collector();
        this.cpus = wiring.cpus();
        this.inst = inst;
        this.pinning = wiring.pinning();
        this.optimizer = wiring.optimizer(new Changes());
        this.exit = new HostExit(this, new RestoreOnExit());
    }

    /**
     * After every apply and restore: the level in a system property (for {@code list}), and the
     * host journals holding exactly what restore still has to put back. Classes here, not
     * lambdas: they are created while a cold JVM pays each lambda's first use, before a level is
     * in force.
     */
    private final class Changes implements Consumer<Optimizer.State> {
        @Override
        public void accept(Optimizer.State state) {
            System.setProperty(SystemProperties.LEVEL, state.levelId());
            for (HostJournal journal : HostJournal.every()) {
                journal.retain(new Held());
            }
            exit.watch();
        }
    }

    /** The settings restore still has to put back. */
    private final class Held implements Predicate<String> {
        @Override
        public boolean test(String key) {
            return optimizer.holds(key);
        }
    }

    /** Whether the JVM's exit puts host-wide settings back: the level's on-exit, restore if none. */
    private final class RestoreOnExit implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            Optimizer.State state = optimizer.state();
            return state.profile() == null || state.profile().restoreOnExit();
        }
    }

    /** Reaches HotSpot's flags and marks the JVM as having sprint-opt (for {@code list}). */
    static AgentRuntime create(Instrumentation inst) {
        if (inst != null) {
            ManagementInternals.open(inst);
        }
        AgentRuntime runtime = new AgentRuntime(Wiring.of(inst), inst);
        System.setProperty(SystemProperties.VERSION, Version.VALUE);
        System.setProperty(SystemProperties.LEVEL, runtime.level());
        return runtime;
    }

    /**
     * Starts the GC listeners, metrics, hiccups and adaptive tuning, then registers the MBean. At
     * start-up all of it first waits for the application to choose its logging, as the MBean must
     * (see {@link MBeanRegistrar}): starting the services costs some 50 ms of CPU that the
     * application's own start needs more (with strict=true, main started 60 ms later beside it).
     * Blocks while it waits.
     */
    void publish(boolean atStartUp) {
        if (atStartUp) {
            MBeanRegistrar.awaitApplication();
        }
        warnStaleJournals();
        runtimeStats();
        synchronized (this) {
            services = new AgentServices(pauses, new MeterSource(), new AdaptiveStepper(), new DriftChecker(), cpus);
            services.configure(options);
        }
        FlightEvents.listen(new InForce(), new GcPauseRecordings());
        MBeanRegistrar.register(this);
    }

    /** Host-wide settings that JVMs which died without restoring left behind, said at every start. */
    private void warnStaleJournals() {
        List<JournalOwner> stale = StaleJournals.find(HostJournal.DIRECTORY);
        if (!stale.isEmpty()) {
            Log.warn("host-wide settings left by %d JVM(s) that ended without restoring (%s): java -jar"
                    + " sprint-opt.jar restore --stale puts them back", stale.size(),
                    stale.stream().map(JournalOwner::toString).collect(Collectors.joining(", ")));
        }
    }

    /** Applies a level and, once published, reconfigures metrics, hiccups and adaptive tuning. */
    synchronized Optimizer.Outcome apply(Options given) {
        Optimizer.Outcome outcome = optimizer.apply(given);
        options = given;
        if (services != null) {
            services.configure(given);
        }
        return outcome;
    }

    /** What the Prometheus meters read from the agent at each scrape. */
    private final class MeterSource implements RuntimeMeters.Source {
        @Override
        public int level() {
            Optimizer.State state = optimizer.state();
            return state.applied() && state.level() != null ? state.level().ordinal() : -1;
        }

        @Override
        public boolean healthy() {
            return healthCheck().isEmpty();
        }

        @Override
        public int pinnedThreads() {
            return pinning.count();
        }

        @Override
        public double gcCpuFraction() {
            return runtimeStats().gcCpuFraction();
        }

        @Override
        public double drifted() {
            List<Drift> drift = lastDrift;
            return drift == null ? Double.NaN : drift.size();
        }
    }

    /**
     * Off JFR's own thread (which may hold the recorder's lock while the services take theirs):
     * a recording with GC pause events started or stopped.
     */
    private final class GcPauseRecordings implements Consumer<Boolean> {
        @Override
        public void accept(Boolean recordingRuns) {
            AgentThreads.daemon("sprint-opt-jfr", new Runnable() {
                @Override
                public void run() {
                    AgentServices current = services;
                    if (current != null) {
                        current.gcPauseRecordings(recordingRuns);
                    }
                }
            }).start();
        }
    }

    /** For JFR's Level event: the level in force, its options, each action's name and status. */
    private final class InForce implements Supplier<String[]> {
        @Override
        public String[] get() {
            Optimizer.State state = optimizer.state();
            StringBuilder actions = new StringBuilder();
            for (ActionRecord record : state.actions()) {
                actions.append(actions.length() == 0 ? "" : ", ").append(record.name()).append(' ').append(record.status());
            }
            return new String[] {state.levelId(), state.options().toString(), actions.toString()};
        }
    }

    /** The drift watch's way to the agent: the same check as verify, and putting drift back. */
    private final class DriftChecker implements DriftWatch.Checker {
        @Override
        public List<Drift> check() {
            return verify().drift();
        }

        @Override
        public List<String> reapply(List<Drift> drift) {
            synchronized (AgentRuntime.this) {
                List<Drift> ofThreads = new ArrayList<>();
                Set<String> ofSettings = new LinkedHashSet<>();
                for (Drift found : drift) {
                    if (ThreadPinning.isPinDrift(found)) {
                        ofThreads.add(found);
                    } else {
                        ofSettings.add(found.setting());
                    }
                }
                List<String> lines = new ArrayList<>(optimizer.reapply(ofSettings));
                lines.addAll(pinning.reapply(ofThreads));
                for (Drift repaired : drift) {
                    FlightEvents.drift(true, repaired.setting(), repaired.applied(), repaired.now(), repaired.thread(),
                            repaired.tid());
                }
                return lines;
            }
        }
    }

    /** Adaptive tuning's way to the optimizer: the last options with another level. */
    private final class AdaptiveStepper implements AdaptiveTuner.Stepper {
        @Override
        public Level current() {
            Optimizer.State state = optimizer.state();
            return state.applied() ? state.level() : null;
        }

        @Override
        public String stepTo(Level level) {
            synchronized (AgentRuntime.this) {
                if (services == null || !services.adaptiveOn()) {
                    return "adaptive tuning was turned off";
                }
                Options stepped = options.withLevel(level);
                Optimizer.Outcome outcome = optimizer.apply(stepped);
                if (!outcome.applied()) {
                    return "level " + level + " could not be applied";
                }
                options = stepped;
                return null;
            }
        }
    }

    @Override
    public String level() {
        return optimizer.state().levelId();
    }

    @Override
    public boolean applied() {
        return optimizer.state().applied();
    }

    @Override
    public String options() {
        return optimizer.state().options().toString();
    }

    /** Created once, at first need: it registers GC notification listeners. */
    private synchronized RuntimeStats runtimeStats() {
        if (stats == null) {
            pauses = GcPauses.listen(inst);
            stats = new RuntimeStats(pauses, collector, cpus, wiring.host());
        }
        return stats;
    }

    @Override
    public Stats stats() {
        Optimizer.State state = optimizer.state();
        int maxThreads = state.profile() == null ? 0 : state.profile().maxThreads();
        double hiccupP99 = services == null ? -1 : services.hiccupP99Millis();
        return runtimeStats().read(new RuntimeStats.AgentView(state.applied(), state.levelId(), maxThreads,
                pinning.count(), hiccupP99));
    }

    @Override
    public List<ActionRecord> actions() {
        return optimizer.state().actions();
    }

    @Override
    public List<PinnedThreadRow> pinnedThreads() {
        return pinning.rows();
    }

    @Override
    public SystemInfo systemInfo() {
        return SystemInfo.read(wiring.host(), collector, wiring.usable(), cpus);
    }

    @Override
    public List<String> adaptiveDecisions() {
        AgentServices running = services;
        return running == null ? List.of() : running.adaptiveDecisions();
    }

    /** Stops adaptive tuning and the drift watch first: they would otherwise change the JVM again. */
    @Override
    public synchronized Result restore() {
        if (services != null) {
            services.stopChanging();
        }
        lastDrift = List.of();
        List<ActionRecord> records = optimizer.restore();
        boolean complete = records.stream().noneMatch(r -> r.status() == ActionStatus.FAILED);
        return new Result(complete, level(), records);
    }

    /** The result is read inside the lock: a concurrent apply or restore cannot change what it says. */
    @Override
    public synchronized Result apply(String args) {
        Options options;
        try {
            options = OptionsParser.parse(args);
        } catch (IllegalArgumentException e) {
            Log.error("%s; nothing changed", e.getMessage());
            throw new IllegalArgumentException(e.getMessage());
        }
        Log.setVerbosity(options.log());
        Optimizer.Outcome outcome = apply(options);
        if (!outcome.applied() && options.strict()) {
            throw new IllegalStateException("strict=true: no level of " + options.level() + " could be applied: "
                    + outcome.actions().stream().filter(r -> r.status() == ActionStatus.FAILED)
                            .map(ActionRecord::toString).collect(Collectors.joining("; ")));
        }
        return new Result(outcome.applied(), level(), outcome.actions());
    }

    /** Health's reasons, with drift as the last check found it (a check is not made here: probes are frequent). */
    @Override
    public List<String> healthCheck() {
        List<String> reasons = new ArrayList<>(HealthCheck.reasons(stats(), HealthCheck.Thresholds.of(options)));
        List<Drift> drift = lastDrift;
        if (drift != null && !drift.isEmpty()) {
            reasons.add(drift.size() + " setting(s) drifted from level " + level() + ", first: " + drift.get(0));
        }
        return reasons;
    }

    /** Each drift not found by the previous check becomes a JFR event. */
    @Override
    public synchronized Verification verify() {
        List<Drift> drift = new ArrayList<>(optimizer.drift());
        drift.addAll(pinning.drift());
        List<Drift> before = lastDrift == null ? List.of() : lastDrift;
        for (Drift found : drift) {
            if (!before.contains(found)) {
                FlightEvents.drift(false, found.setting(), found.applied(), found.now(), found.thread(), found.tid());
            }
        }
        lastDrift = List.copyOf(drift);
        return new Verification(drift.isEmpty(), optimizer.appliedSettings(), pinning.count(), lastDrift);
    }

    @Override
    public List<Drift> drift() {
        List<Drift> drift = lastDrift;
        return drift == null ? List.of() : drift;
    }

    @Override
    public String triggerGc() {
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        System.gc();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String result = String.format(Locale.ROOT, "System.gc(): heap %d MB → %d MB in %d ms", before >> 20,
                after >> 20, millis);
        Log.info("%s", result);
        return result;
    }
}
