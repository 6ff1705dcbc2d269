package io.sprint.opt.mbean;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.Drift;
import io.sprint.opt.pin.PinnedThreadRow;
import io.sprint.opt.stats.Stats;
import io.sprint.opt.stats.SystemInfo;
import java.util.List;

/**
 * What the MBean shows and does, as typed records; {@link OptimizerMBean} turns them into open
 * types ({@link OpenTypes}). Implementations never throw anything but JDK exceptions, which JMX
 * clients without sprint-opt classes can deserialise.
 */
public interface OptimizerControl {
    /**
     * What one apply or restore did, as its caller must report it: whether it succeeded (a level
     * of the request applied; everything restored), the level in force right after it, and its
     * own action records - not the JVM's state read afterwards, which a concurrent call may
     * already have changed.
     */
    record Result(boolean succeeded, String level, List<ActionRecord> actions) {
    }

    /**
     * What one verify found: whether everything applied still reads as applied, how many settings
     * and pinned threads were read back, and each drift.
     */
    record Verification(boolean inForce, int settings, int pinnedThreads, List<Drift> drift) {
    }

    String level();

    boolean applied();

    String options();

    Stats stats();

    List<ActionRecord> actions();

    List<PinnedThreadRow> pinnedThreads();

    SystemInfo systemInfo();

    /** adaptive=true: its last decisions, oldest first; empty when it is off. */
    List<String> adaptiveDecisions();

    Result restore();

    /** @throws IllegalArgumentException for bad options; IllegalStateException when strict fails */
    Result apply(String options);

    /** Empty when healthy; otherwise one reason per entry. */
    List<String> healthCheck();

    String triggerGc();

    /** Reads back, now, every setting applied and every pinned thread; remembers the drift for {@link #drift}. */
    Verification verify();

    /** The drift the last check found (verify or the drift watch); empty before any. */
    List<Drift> drift();
}
