package io.sprint.opt.config;

/** HotSpot's collectors, known by the flag that selects each. */
public enum Collector {
    SERIAL("UseSerialGC", "Serial"),
    PARALLEL("UseParallelGC", "Parallel"),
    G1("UseG1GC", "G1"),
    ZGC("UseZGC", "ZGC"),
    SHENANDOAH("UseShenandoahGC", "Shenandoah"),
    EPSILON("UseEpsilonGC", "Epsilon");

    private final String flag;
    private final String displayName;

    Collector(String flag, String displayName) {
        this.flag = flag;
        this.displayName = displayName;
    }

    public String flag() {
        return flag;
    }

    public String launchFlag() {
        return this == EPSILON ? "-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC" : "-XX:+" + flag;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
