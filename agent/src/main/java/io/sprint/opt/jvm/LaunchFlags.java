package io.sprint.opt.jvm;

import io.sprint.opt.config.Collector;
import io.sprint.opt.config.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * What a level wants that a running JVM cannot change: collector, pre-touch, transparent huge
 * pages, NUMA, thread stack size. Printed by {@code flags LEVEL} and reported by the running
 * agent as skipped launch flags, from this one list.
 */
public final class LaunchFlags {
    /**
     * Smallest -Xss HotSpot starts with on Linux x86_64 (JDK 17 and 25 both say "Specify at least
     * 136k"); the seed's Go stack sizes (4-8 KB) are far below it.
     */
    public static final long MIN_STACK_BYTES = 136 * 1024;

    /**
     * One launch flag.
     *
     * @param action the name it has in the action ledger
     * @param vmFlag the flag to read to tell whether it is already in force
     * @param inForce the value vmFlag has when it is
     */
    public record LaunchFlag(String action, String flag, String vmFlag, String inForce, String why) {
    }

    private LaunchFlags() {
    }

    public static List<LaunchFlag> forProfile(Profile profile, int javaFeature) {
        List<LaunchFlag> flags = new ArrayList<>();
        Collector collector = profile.collector();
        if (collector != null) {
            flags.add(new LaunchFlag("collector", collector.launchFlag(), collector.flag(), "true",
                    collector == Collector.ZGC ? "pauses well under a millisecond, independent of heap size"
                            : "bounded pauses with the JDK's default collector"));
            if (collector == Collector.ZGC && (javaFeature == 21 || javaFeature == 22)) {
                flags.add(new LaunchFlag("collector-generational", "-XX:+ZGenerational", "ZGenerational", "true",
                        "generational ZGC (the default from JDK 23) keeps up with high allocation rates"));
            }
        }
        if (profile.mlock()) {
            flags.add(new LaunchFlag("pre-touch", "-XX:+AlwaysPreTouch", "AlwaysPreTouch", "true",
                    "touch every heap page at start, so locked memory is resident and no page faults later"));
        }
        if (profile.hugepages()) {
            flags.add(new LaunchFlag("transparent-huge-pages", "-XX:+UseTransparentHugePages",
                    "UseTransparentHugePages", "true", "back the heap with 2 MB pages: fewer TLB misses"));
        }
        if (profile.numa()) {
            flags.add(new LaunchFlag("numa", "-XX:+UseNUMA", "UseNUMA", "true",
                    "allocate each thread's objects on its own NUMA node (no effect on one node)"));
        }
        long stack = Math.max(profile.stackBytes(), MIN_STACK_BYTES);
        long stackK = (stack + 1023) / 1024;
        flags.add(new LaunchFlag("thread-stack", "-Xss" + stackK + "k", "ThreadStackSize", Long.toString(stackK),
                stack == profile.stackBytes() ? "thread stacks of " + stackK + " KB"
                        : "the level's " + profile.stackBytes() + "-byte stacks are below the JVM minimum: clamped to "
                        + stackK + " KB; deep recursion needs more (stack=1m)"));
        return flags;
    }
}
