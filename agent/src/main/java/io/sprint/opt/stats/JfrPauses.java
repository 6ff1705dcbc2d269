package io.sprint.opt.stats;

import io.sprint.opt.log.Log;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Generational ZGC's pauses, each timed by JFR. HotSpot's counters time the pauses of one
 * collection together, and a collection of generational ZGC has several (mark start, mark end,
 * relocate start): without JFR each gets an even share of their sum. With JFR's
 * {@code jdk.GCPhasePause} events each is exact; {@code jdk.GarbageCollection}, committed when the
 * collection ends, says whether it was minor or major. Read from the recordings running in this
 * JVM (their repository), or from a stream of our own ({@code gc.jfr=true}).
 */
final class JfrPauses {
    private final GcPauses pauses;
    private final Map<Long, List<Long>> pending = new HashMap<>();
    private EventStream stream;
    private boolean own;

    JfrPauses(GcPauses pauses) {
        this.pauses = pauses;
    }

    /**
     * Follows JFR's pause events while {@code ownStream} or {@code recordingRuns} (a recording
     * with them enabled), and hands pauses back to the counters otherwise.
     */
    synchronized void follow(boolean ownStream, boolean recordingRuns) {
        boolean wanted = ownStream || recordingRuns;
        if (stream != null && (!wanted || own != ownStream)) {
            stop();
        }
        if (!wanted || stream != null) {
            return;
        }
        try {
            EventStream opened;
            if (ownStream) {
                RecordingStream recording = new RecordingStream();
                recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
                recording.enable("jdk.GarbageCollection");
                opened = recording;
            } else {
                opened = EventStream.openRepository();
            }
            opened.onEvent("jdk.GCPhasePause", this::phase);
            opened.onEvent("jdk.GarbageCollection", this::collection);
            opened.startAsync();
            stream = opened;
            own = ownStream;
            pauses.timedByJfr(true);
            Log.info("GC pauses: generational ZGC's pauses timed one by one by JFR (%s)",
                    ownStream ? "gc.jfr=true" : "a recording runs");
        } catch (IOException | RuntimeException e) {
            Log.warn("GC pauses: cannot read JFR's pause events (%s); HotSpot's counters time them", e.getMessage());
        }
    }

    synchronized void stop() {
        if (stream != null) {
            pauses.timedByJfr(false);
            stream.close();
            stream = null;
            pending.clear();
            Log.info("GC pauses: timed by HotSpot's counters again");
        }
    }

    private synchronized void phase(RecordedEvent event) {
        if (event.getString("name").startsWith("Pause")) {
            pending.computeIfAbsent(event.getLong("gcId"), id -> new ArrayList<>()).add(event.getDuration().toNanos());
        }
    }

    private synchronized void collection(RecordedEvent event) {
        List<Long> phases = pending.remove(event.getLong("gcId"));
        if (phases == null) {
            return;
        }
        String bean = event.getString("name").contains("Major") ? GcPauses.JFR_TIMED.get(1) : GcPauses.JFR_TIMED.get(0);
        for (long nanos : phases) {
            pauses.record(bean, nanos);
        }
    }
}
