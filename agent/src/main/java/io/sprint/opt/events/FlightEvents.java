package io.sprint.opt.events;

import io.sprint.opt.log.Log;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * sprint-opt's JFR events, category "sprint-opt": each call here costs a volatile read while no
 * recording has ever run, and no event class is loaded until one does. The event classes live
 * in the agent's own class loader, which JFR does not scan by itself: they are registered with
 * the recorder when it initialises (a listener added at start), so a recording shows them and JDK
 * Mission Control labels them. Without the jdk.jfr module (a jlinked runtime), events are off.
 */
public final class FlightEvents {
    /** Hiccups at least this long become events: what a latency engineer looks for after a spike. */
    public static final long HICCUP_NANOS = 1_000_000;
    private static volatile boolean recording;
    // set by listen before the recorder can reach them (Registrar exists only after it); no lambdas
    // as defaults: this class loads while the level goes in force, when each lambda's first use costs
    private static volatile Supplier<String[]> level;
    private static volatile Consumer<Boolean> recordings;

    private FlightEvents() {
    }

    /**
     * Registers the events once the recorder initialises (at once if it has). Never throws.
     *
     * @param inForce the level, its options and its actions (one line), for {@link LevelEvent}
     * @param gcPauseRecordings told, on JFR's thread, whether a running recording has JFR's GC pause
     *     events, each time a recording starts or stops
     */
    public static void listen(Supplier<String[]> inForce, Consumer<Boolean> gcPauseRecordings) {
        level = inForce;
        recordings = gcPauseRecordings;
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            Log.debug("JFR events off: no jdk.jfr module in this runtime");
            return;
        }
        try {
            Registrar.install();
        } catch (RuntimeException | LinkageError e) {
            Log.debug("JFR events off: %s", e);
        }
    }

    /**
     * Its own class, not a lambda: nothing spun at start-up; the event classes load only here. It
     * adds itself: were {@code addListener(new Registrar())} in FlightEvents, verifying FlightEvents
     * would load FlightRecorderListener, and every event call would fail where jdk.jfr is absent.
     */
    private static final class Registrar implements FlightRecorderListener {
        static void install() {
            FlightRecorder.addListener(new Registrar());
        }

        @Override
        public void recorderInitialized(FlightRecorder recorder) {
            for (Class<? extends jdk.jfr.Event> event : List.of(ActionEvent.class, ThreadPinEvent.class,
                    AdaptiveStepEvent.class, DriftEvent.class, HiccupEvent.class)) {
                FlightRecorder.register(event);
            }
            FlightRecorder.addPeriodicEvent(LevelEvent.class, new LevelHook());
            recording = true;
            recordings.accept(gcPauseRecordingRuns());
        }

        @Override
        public void recordingStateChanged(Recording changed) {
            recordings.accept(gcPauseRecordingRuns());
        }

        private static boolean gcPauseRecordingRuns() {
            for (Recording running : FlightRecorder.getFlightRecorder().getRecordings()) {
                Map<String, String> settings = running.getSettings();
                // every pause, however short: a threshold would leave the short ones out of Stats
                String threshold = settings.getOrDefault("jdk.GCPhasePause#threshold", "0 ms").trim();
                if (running.getState() == RecordingState.RUNNING
                        && "true".equals(settings.get("jdk.GCPhasePause#enabled"))
                        && "true".equals(settings.get("jdk.GarbageCollection#enabled"))
                        && (threshold.equals("0") || threshold.startsWith("0 "))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Writes the level in force at each chunk's start; its own class, as the registrar. */
    private static final class LevelHook implements Runnable {
        @Override
        public void run() {
            LevelEvent event = new LevelEvent();
            String[] now = level.get();
            event.level = now[0];
            event.options = now[1];
            event.actions = now[2];
            event.commit();
        }
    }

    public static void action(String action, String target, String status, String detail) {
        if (!recording) {
            return;
        }
        ActionEvent event = new ActionEvent();
        if (event.shouldCommit()) {
            event.action = action;
            event.target = target;
            event.status = status;
            event.detail = detail;
            event.commit();
        }
    }

    public static void threadPin(boolean pinned, String name, long tid, int cpu, String policy) {
        if (!recording) {
            return;
        }
        ThreadPinEvent event = new ThreadPinEvent();
        if (event.shouldCommit()) {
            event.change = pinned ? "pinned" : "unpinned";
            event.name = name;
            event.tid = tid;
            event.cpu = cpu;
            event.policy = policy;
            event.commit();
        }
    }

    public static void adaptiveStep(String decision, boolean applied) {
        if (!recording) {
            return;
        }
        AdaptiveStepEvent event = new AdaptiveStepEvent();
        if (event.shouldCommit()) {
            event.decision = decision;
            event.applied = applied;
            event.commit();
        }
    }

    public static void drift(boolean repaired, String setting, String applied, String now, String thread, long tid) {
        if (!recording) {
            return;
        }
        DriftEvent event = new DriftEvent();
        if (event.shouldCommit()) {
            event.change = repaired ? "repaired" : "found";
            event.setting = setting;
            event.applied = applied;
            event.now = now;
            event.thread = thread;
            event.tid = tid;
            event.commit();
        }
    }

    public static void hiccup(long stallNanos) {
        if (!recording || stallNanos < HICCUP_NANOS) {
            return;
        }
        HiccupEvent event = new HiccupEvent();
        if (event.shouldCommit()) {
            event.stall = stallNanos;
            event.commit();
        }
    }
}
