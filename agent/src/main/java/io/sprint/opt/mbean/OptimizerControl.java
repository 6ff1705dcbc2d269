package io.sprint.opt.mbean;

import java.util.List;
import java.util.Map;

/**
 * What the MBean shows and does, in plain JDK types; {@link OptimizerMBean} turns it into open
 * types. Implementations never throw anything but JDK exceptions, which JMX clients without
 * sprint-opt classes can deserialise.
 */
public interface OptimizerControl {
    String level();

    boolean applied();

    String options();

    Map<String, Object> stats();

    List<Map<String, Object>> actions();

    List<Map<String, Object>> pinnedThreads();

    Map<String, Object> systemInfo();

    /** adaptive=true: its last decisions, oldest first; empty when it is off. */
    List<String> adaptiveDecisions();

    List<String> restore();

    /** @throws IllegalArgumentException for bad options; IllegalStateException when strict fails */
    List<String> apply(String options);

    /** Empty when healthy; otherwise one reason per entry. */
    List<String> healthCheck();

    String triggerGc();
}
