package io.sprint.opt.mbean;

import java.util.List;
import java.util.Map;

/**
 * What the MBean shows and does, in plain JDK types; {@link OptimizerMBean} turns it into open
 * types. Implementations never throw anything but JDK exceptions, which JMX clients without
 * sprint-opt classes can deserialise.
 */
public interface OptimizerControl {
    /**
     * What one apply or restore did, as its caller must report it: whether it succeeded (a level
     * of the request applied; everything restored), the level in force right after it, and its
     * own action records - not the JVM's state read afterwards, which a concurrent call may
     * already have changed.
     */
    record Result(boolean succeeded, String level, List<Map<String, Object>> actions) {
    }

    String level();

    boolean applied();

    String options();

    Map<String, Object> stats();

    List<Map<String, Object>> actions();

    List<Map<String, Object>> pinnedThreads();

    Map<String, Object> systemInfo();

    /** adaptive=true: its last decisions, oldest first; empty when it is off. */
    List<String> adaptiveDecisions();

    Result restore();

    /** @throws IllegalArgumentException for bad options; IllegalStateException when strict fails */
    Result apply(String options);

    /** Empty when healthy; otherwise one reason per entry. */
    List<String> healthCheck();

    String triggerGc();
}
