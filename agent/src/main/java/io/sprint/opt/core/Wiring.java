package io.sprint.opt.core;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.jvm.HotSpotFlags;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.platform.Host;
import java.lang.instrument.Instrumentation;
import java.util.function.Consumer;

/**
 * What the optimizer acts through on this JVM and host, and the optimizer built from it: the
 * same for the agent in a JVM and for the CLI's plan. The usable CPUs are found once, before any
 * change: the agent's own affinity action narrows what the OS reports afterwards.
 *
 * @param cpus n of the level table: the usable CPUs capped by the cgroup CPU quota
 */
public record Wiring(HotSpotFlags flags, Host host, CpuList usable, int cpus, ThreadPinning pinning) {

    /** @param inst the agent's instrumentation, or null where no agent runs (plan): nothing can be pinned then */
    public static Wiring of(Instrumentation inst) {
        Host host = OsLayer.host();
        CpuList allowed = host.allowedCpus();
        return new Wiring(HotSpotFlags.platform(), host, allowed, host.usableCpuCount(allowed),
                new ThreadPinning(inst, OsLayer.PLATFORM));
    }

    public Optimizer optimizer(Consumer<Optimizer.State> onChange) {
        return new Optimizer(new LevelActions(flags, host, usable, pinning, OsLayer.PLATFORM), System.getenv(), cpus,
                onChange);
    }
}
