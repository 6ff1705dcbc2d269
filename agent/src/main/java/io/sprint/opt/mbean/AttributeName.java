package io.sprint.opt.mbean;

import java.util.Arrays;

/** The MBean's attributes, by the names JMX clients (and the CLI) read them. */
public enum AttributeName {
    LEVEL("Level", "level in force, or none"),
    APPLIED("Applied", "whether a level is in force"),
    OPTIONS("Options", "options of the last apply"),
    STATS("Stats", "live statistics"),
    ACTIONS("Actions", "the action ledger of the last apply or restore"),
    PINNED_THREADS("PinnedThreads", "threads pinned to dedicated cores"),
    SYSTEM_INFO("SystemInfo", "host and JVM facts"),
    ADAPTIVE_DECISIONS("AdaptiveDecisions", "adaptive=true: its last decisions, oldest first"),
    DRIFT("Drift", "settings that no longer read what the level applied, as the last check (verify, drift=) found");

    private final String jmxName;
    private final String description;

    AttributeName(String jmxName, String description) {
        this.jmxName = jmxName;
        this.description = description;
    }

    public String jmxName() {
        return jmxName;
    }

    String description() {
        return description;
    }

    static AttributeName byName(String jmxName) {
        return Arrays.stream(values()).filter(v -> v.jmxName.equals(jmxName)).findFirst().orElse(null);
    }
}
