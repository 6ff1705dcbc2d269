package io.sprint.opt.os;

import io.sprint.opt.action.Action;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.Profile;
import io.sprint.opt.platform.HostProbe;
import io.sprint.opt.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The OS side of a profile, in the order they are applied. */
public final class OsActions {
    private OsActions() {
    }

    /**
     * @param platform reached only when the profile has OS fields (loading it initialises JNA)
     * @param usable CPUs this process may use, as found before any change
     */
    public static List<Action> forProfile(Profile profile, Supplier<Platform> platform, HostProbe host,
                                          CpuList usable) {
        List<Action> actions = new ArrayList<>();
        if (!profile.needsOs()) {
            return actions;
        }
        Platform os = platform.get();
        if (profile.mlock()) {
            actions.add(new MemoryLockAction(os, host));
        }
        if (profile.affinity() != null) {
            actions.add(new AffinityAction(os, profile.affinity(), usable));
        }
        if (profile.latency()) {
            actions.add(new TimerSlackAction(os, host));
        }
        if (profile.rt()) {
            actions.add(new Skipped("rt-priority", "SCHED_FIFO " + profile.rtPriority(), "no threads selected:"
                    + " real-time priority goes only to the threads pin= selects, never to the whole JVM (its GC"
                    + " and JIT threads must keep running), and thread pinning is not in this version"));
        }
        if (profile.hugepages()) {
            actions.add(new HugePagesAction(os, host));
        }
        if (profile.numa()) {
            int nodes = host.numaNodes();
            actions.add(new Skipped("numa-placement", nodes + " node(s)", nodes < 2
                    ? "one NUMA node on this host: nothing to place"
                    : "NUMA placement follows pinned threads, and thread pinning is not in this version"));
        }
        return actions;
    }
}
