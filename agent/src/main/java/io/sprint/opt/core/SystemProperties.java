package io.sprint.opt.core;

/**
 * System properties the agent sets in the JVM it runs in, so that {@code list} can tell, without
 * JMX, whether and how sprint-opt is loaded there (the Jolokia pattern).
 */
public final class SystemProperties {
    public static final String VERSION = "sprint.opt.version";
    public static final String LEVEL = "sprint.opt.level";

    private SystemProperties() {
    }
}
