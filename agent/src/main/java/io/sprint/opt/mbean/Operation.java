package io.sprint.opt.mbean;

import java.util.Arrays;

/** The MBean's operations, by the names JMX clients (and the CLI) invoke them. */
public enum Operation {
    RESTORE("restore"), APPLY("apply"), HEALTH_CHECK("healthCheck"), TRIGGER_GC("triggerGc"), VERIFY("verify");

    private final String jmxName;

    Operation(String jmxName) {
        this.jmxName = jmxName;
    }

    public String jmxName() {
        return jmxName;
    }

    static Operation byName(String jmxName) {
        return Arrays.stream(values()).filter(v -> v.jmxName.equals(jmxName)).findFirst().orElse(null);
    }
}
