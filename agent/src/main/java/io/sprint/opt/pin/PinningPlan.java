package io.sprint.opt.pin;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.SettingAction;
import io.sprint.opt.action.Skipped;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.LevelTable;
import io.sprint.opt.config.Profile;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.CpuTopology;
import io.sprint.opt.platform.Host;
import io.sprint.opt.platform.Platform;

/**
 * What pin= and the level's pinning and RT fields come to on this host: the threads' action
 * (or why there is none), and the CPUs dedicated to them, which the rest of the JVM must leave.
 *
 * @param action thread-pinning, or a skip that says why nothing is pinned; null when the level
 *     asks neither pinning nor real-time priority
 * @param cores the dedicated CPUs and the others, or null when no CPU is dedicated and none is
 *     held by another JVM (then the JVM's CPUs are left as they are)
 */
public record PinningPlan(Action action, CorePlan cores) {
    public static final String NAME = "thread-pinning";

    /**
     * @param start the process's affinity mask at start-up (the rest of the JVM stays in it); the
     *     dedicated CPUs come from the host's pool, which may hold more
     */
    public static PinningPlan of(Profile profile, Platform os, Host host, CpuList start, ThreadPinning pinning) {
        NameGlobs globs = new NameGlobs(profile.pin());
        if (!selectsThreads(profile)) {
            return new PinningPlan(profile.pinning() || profile.rt() ? new Skipped(NAME, "no threads",
                    "no threads selected: pin=GLOBS names them (e.g. pin=relay-*); dedicated CPUs and real-time"
                    + " priority go only to those, never to the whole JVM (its GC and JIT threads must keep running)")
                    : null, null);
        }
        String noAffinity = profile.pinning() ? os.whyNot(Capability.THREAD_AFFINITY) : null;
        CpuTopology topology = host.topology();
        CpuLocks locks = CpuLocks.in(profile.locks());
        CorePlan cores = profile.pinning() && noAffinity == null
                ? claimed(topology, start, profile, locks, pinning) : null;
        boolean dedicated = cores != null && cores.canPin();
        String noCpu = noAffinity != null ? noAffinity : noCpu(cores, topology);
        // What the platform says this process would be refused is left out, and said once by the
        // action, instead of being tried and refused for every thread.
        String rtDenied = profile.rt() ? os.denied(Capability.THREAD_SCHEDULING) : null;
        boolean realTime = profile.rt() && rtDenied == null;
        if (!realTime && !dedicated) {
            return new PinningPlan(rtDenied == null ? new Skipped(NAME, globs.toString(), noCpu)
                    : new Skipped(NAME, globs.toString(), noCpu + "; no real-time policy: " + rtDenied,
                    os.remedy(Capability.THREAD_SCHEDULING)), avoids(cores) ? cores : null);
        }
        boolean threadSlack = profile.latency() && os.missing(Capability.TIMER_SLACK) == null
                && os.denied(Capability.TIMER_SLACK) == null;
        boolean memoryNode = profile.numa() && os.missing(Capability.MEMORY_POLICY) == null;
        PinConfig config = new PinConfig(globs, dedicated ? cores : null, realTime ? profile.rtPriority() : 0,
                threadSlack, dedicated ? locks : null, memoryNode ? topology : null);
        SettingAction.Denied withoutRealTime = rtDenied == null ? null
                : new SettingAction.Denied("no real-time policy: " + rtDenied, os.remedy(Capability.THREAD_SCHEDULING));
        return new PinningPlan(new PinningAction(pinning, config,
                profile.pinning() && !dedicated ? "; " + noCpu + ", so they share its CPUs" : "", withoutRealTime),
                dedicated || avoids(cores) ? cores : null);
    }

    /** Whether the profile gives the threads pin= names their own CPUs or a real-time policy. */
    public static boolean selectsThreads(Profile profile) {
        return !profile.pin().isEmpty() && (profile.pinning() || profile.rt());
    }

    /** Attempts at a plan whose CPUs this JVM then locks, before giving up to another JVM planning at once. */
    private static final int CLAIMS = 3;

    /**
     * The plan, its CPUs locked at once where this JVM will pin (not for the CLI's plan): a plan
     * is then a reservation, and two JVMs planning at the same moment cannot both count on a CPU.
     * The one that locks second plans again, seeing the other's CPUs held. Claims the pinning does
     * not take up are let go when its action ends ({@link ThreadPinning#releaseUnused}).
     */
    private static CorePlan claimed(CpuTopology topology, CpuList start, Profile profile, CpuLocks locks,
                                    ThreadPinning pinning) {
        CorePlan cores = CorePlan.of(topology, start, profile.affinity(), profile.wholeCores(), locks);
        for (int attempt = 1; pinning.canStart() && cores.canPin() && attempt < CLAIMS; attempt++) {
            if (locks.acquire(cores.locked()).isEmpty()) {
                return cores;
            }
            pinning.releaseUnused(locks);
            cores = CorePlan.of(topology, start, profile.affinity(), profile.wholeCores(), locks);
        }
        return cores;
    }

    /** Whether the rest of the JVM must leave CPUs other JVMs hold, even with none dedicated here. */
    private static boolean avoids(CorePlan cores) {
        return cores != null && !cores.heldElsewhere().isEmpty();
    }

    /** Why no CPU can be dedicated: too few for housekeeping, after those other JVMs hold. */
    private static String noCpu(CorePlan cores, CpuTopology topology) {
        CpuList pool = topology.pool();
        String held = cores == null ? "" : cores.held();
        return "no CPU to dedicate: " + pool + " usable, " + LevelTable.housekeeping(pool.count())
                + " kept for the rest of the JVM" + held;
    }
}
