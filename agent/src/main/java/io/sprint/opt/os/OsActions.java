package io.sprint.opt.os;

import io.sprint.opt.action.Action;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.Profile;
import io.sprint.opt.pin.CorePlan;
import io.sprint.opt.pin.NameGlobs;
import io.sprint.opt.pin.PinConfig;
import io.sprint.opt.pin.PinningAction;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.platform.HostProbe;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Remedies;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The OS side of a profile, in the order they are applied. */
public final class OsActions {
    private OsActions() {
    }

    /**
     * Pinning comes before the process-wide CPU and slack walks: its threads take their dedicated
     * CPUs before the rest of the JVM is narrowed onto the others, never squeezed there with it
     * first (with thousands of matching threads that squeeze starved the application for
     * seconds), and the walks then pass over them.
     *
     * @param platform reached only when the profile has OS fields (loading it initialises JNA)
     * @param usable CPUs this process may use, as found before any change
     */
    public static List<Action> forProfile(Profile profile, Supplier<Platform> platform, HostProbe host,
                                          CpuList usable, ThreadPinning pinning) {
        List<Action> actions = new ArrayList<>();
        if (!profile.needsOs()) {
            return actions;
        }
        Platform os = platform.get();
        NameGlobs globs = new NameGlobs(profile.pin());
        boolean selects = !globs.isEmpty() && (profile.pinning() || profile.rt());
        String noAffinity = profile.pinning() ? refusal(os, Platform::affinity) : null;
        CorePlan cores = selects && profile.pinning() && noAffinity == null
                ? CorePlan.of(usable, profile.affinity(), host.numaNodeCpus()) : null;
        if (profile.mlock()) {
            actions.add(new MemoryLockAction(os, host));
        }
        boolean dedicated = cores != null && cores.canPin();
        String noCpu = noAffinity != null ? noAffinity : "no CPU to dedicate: " + usable + " usable, "
                + CorePlan.housekeeping(usable.count()) + " kept for the rest of the JVM";
        if (selects && (profile.rt() || dedicated)) {
            boolean threadSlack = profile.latency() && refusal(os, Platform::timerSlackNanos) == null;
            actions.add(new PinningAction(pinning, new PinConfig(globs, dedicated ? cores : null,
                    profile.rt() ? profile.rtPriority() : 0, threadSlack),
                    profile.pinning() && !dedicated ? "; " + noCpu + ", so they share its CPUs" : "",
                    host.cgroupDeniesRealTime() ? Remedies.RT_CGROUP : Remedies.SYS_NICE));
        } else if (selects) {
            actions.add(new Skipped("thread-pinning", globs.toString(), noCpu));
        } else if (profile.pinning() || profile.rt()) {
            actions.add(new Skipped("thread-pinning", "no threads", "no threads selected: pin=GLOBS names them"
                    + " (e.g. pin=relay-*); dedicated CPUs and real-time priority go only to those, never to the"
                    + " whole JVM (its GC and JIT threads must keep running)"));
        }
        if (cores != null && cores.canPin()) { // the rest of the JVM moves off the dedicated CPUs
            actions.add(new AffinityAction(os, cores.others(), usable, pinning::isPinned,
                    "; CPUs " + cores.dedicated() + " kept for pinned threads"));
        } else if (profile.affinity() != null) {
            actions.add(new AffinityAction(os, profile.affinity(), usable, pinning::isPinned, ""));
        }
        if (profile.latency()) {
            actions.add(os.timerPeriodPerProcess() ? new TimerPeriodAction(os)
                    : new TimerSlackAction(os, host, pinning::isPinned));
        }
        if (profile.hugepages()) {
            actions.add(new HugePagesAction(os, host));
        }
        if (profile.numa()) {
            int nodes = host.numaNodes();
            actions.add(new Skipped("numa-placement", nodes + " node(s)", nodes < 2
                    ? "one NUMA node on this host: nothing to place"
                    : "pinned threads take their dedicated CPUs node by node; a preferred memory node per"
                    + " thread (set_mempolicy) is not in this version"));
        }
        return actions;
    }

    /** A per-thread call, tried on the calling thread. */
    private interface ThreadCall {
        void on(Platform os, long tid) throws OsException;
    }

    /**
     * Why this OS does not have {@code call} at all (macOS has no thread affinity), or null when it
     * has: a refusal for want of privilege is the action's to report.
     */
    private static String refusal(Platform os, ThreadCall call) {
        try {
            call.on(os, os.currentThreadId());
            return null;
        } catch (OsException e) {
            return e.isUnsupported() ? e.getMessage() : null;
        }
    }
}
