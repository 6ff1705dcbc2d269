package io.sprint.opt.core;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionSteps;
import io.sprint.opt.action.Skipped;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.Profile;
import io.sprint.opt.jvm.HotSpotFlags;
import io.sprint.opt.jvm.JvmActions;
import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.pin.CorePlan;
import io.sprint.opt.pin.PinningPlan;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.Host;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.tune.AffinityAction;
import io.sprint.opt.tune.HugePagesAction;
import io.sprint.opt.tune.IdleLimitAction;
import io.sprint.opt.tune.IrqAffinityAction;
import io.sprint.opt.tune.MemoryLockAction;
import io.sprint.opt.tune.ResumeLatencyAction;
import io.sprint.opt.tune.TimerPeriodAction;
import io.sprint.opt.tune.TimerSlackAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every action of a profile on this JVM and host, in the order they are applied: the JVM's
 * ({@link JvmActions}), the threads' pinning, then the rest of the OS's, each "if the profile
 * asks, add the action". A new action is one class and one line here. They are built step by
 * step as they are applied ({@link ActionSteps}): the JVM's are in force while JNA still loads,
 * and the pinned threads before the rest is even read from the host.
 */
public final class LevelActions implements Function<Profile, Iterable<Action>> {
    private final HotSpotFlags flags;
    private final Host host;
    private final CpuList usable;
    private final ThreadPinning pinning;
    private final Supplier<Platform> platform;

    /**
     * @param usable the CPUs this process may use, taken before any change to them
     * @param platform reached only when a profile has OS fields (loading it initialises JNA)
     */
    public LevelActions(HotSpotFlags flags, Host host, CpuList usable, ThreadPinning pinning,
                        Supplier<Platform> platform) {
        this.flags = flags;
        this.host = host;
        this.usable = usable;
        this.pinning = pinning;
        this.platform = platform;
    }

    @Override
    public Iterable<Action> apply(Profile profile) {
        ActionSteps.Step jvm = new ActionSteps.Step("jvm-flags", new Build(Part.JVM, profile, null));
        if (!profile.needsOs()) {
            return new ActionSteps(List.of(jvm));
        }
        OsSide os = new OsSide(profile);
        return new ActionSteps(List.of(jvm,
                new ActionSteps.Step(PinningPlan.NAME, new Build(Part.PINNING, profile, os)),
                new ActionSteps.Step(OS_SETTINGS, new Build(Part.AFTER_PINNING, profile, os)),
                new ActionSteps.Step(OS_SETTINGS, new Build(Part.DONE, profile, os))));
    }

    private static final String OS_SETTINGS = "os-settings";

    private enum Part { JVM, PINNING, AFTER_PINNING, DONE }

    /**
     * One step's actions. A class with a switch, not a lambda per step: steps are built while a
     * level goes in force, when a cold JVM pays each lambda's first use.
     */
    private final class Build implements Supplier<List<Action>> {
        private final Part part;
        private final Profile profile;
        private final OsSide os;

        Build(Part part, Profile profile, OsSide os) {
            this.part = part;
            this.profile = profile;
            this.os = os;
        }

        @Override
        public List<Action> get() {
            switch (part) {
                case JVM:
                    return JvmActions.forProfile(profile, flags);
                case PINNING:
                    return os.pinning();
                case AFTER_PINNING:
                    return os.afterPinning();
                default:
                    return os.done();
            }
        }
    }

    /** The OS side in steps that share the pinning's plan, applied at a raised priority ({@link ApplyUrgency}). */
    private final class OsSide {
        private final Profile profile;
        private Platform os;
        private PinningPlan pin;
        private ApplyUrgency urgency;

        OsSide(Profile profile) {
            this.profile = profile;
        }

        List<Action> pinning() {
            os = platform.get();
            if (urgency == null) {
                urgency = ApplyUrgency.raise(os);
            }
            pin = PinningPlan.of(profile, os, host, usable, pinning);
            return pin.action() == null ? List.of() : List.of(pin.action());
        }

        List<Action> afterPinning() {
            if (pin == null) {
                pinning(); // its step failed: the rest still needs the CPUs it would dedicate
            }
            return LevelActions.afterPinning(profile, os, host, usable, pinning, pin);
        }

        /** After the last action: the thread's own priority back. */
        List<Action> done() {
            if (urgency != null) {
                urgency.lower();
                urgency = null;
            }
            return List.of();
        }
    }

    /**
     * The OS side, in the order that puts the level in force soonest. Pinning comes first: its
     * threads take their dedicated CPUs before anything else, never squeezed onto the others with
     * the rest of the JVM. Narrowing the rest of the JVM comes last: until then the agent's own
     * thread, doing this work, keeps every usable CPU instead of competing with the application
     * on the housekeeping ones. Huge-page advice precedes the memory lock, whose faulting-in of
     * the heap can then take huge pages at once. The host-wide knobs follow the pinning, whose
     * dedicated CPUs they shield. All at once here (for tests); a level builds them in two steps.
     */
    static List<Action> osActions(Profile profile, Platform os, Host host, CpuList usable, ThreadPinning pinning) {
        PinningPlan pin = PinningPlan.of(profile, os, host, usable, pinning);
        List<Action> actions = new ArrayList<>();
        if (pin.action() != null) {
            actions.add(pin.action());
        }
        actions.addAll(afterPinning(profile, os, host, usable, pinning, pin));
        return actions;
    }

    private static List<Action> afterPinning(Profile profile, Platform os, Host host, CpuList usable,
                                             ThreadPinning pinning, PinningPlan pin) {
        List<Action> actions = new ArrayList<>();
        if (profile.latency()) {
            actions.add(os.missing(Capability.TIMER_PERIOD) == null ? new TimerPeriodAction(os)
                    : new TimerSlackAction(os, pinning.leftAlone(false)));
        }
        if (profile.hugepages()) {
            actions.add(new HugePagesAction(os, host));
        }
        if (profile.mlock()) {
            actions.add(new MemoryLockAction(os));
        }
        if (profile.idle()) {
            actions.add(new IdleLimitAction(os, profile.idleMicros()));
        }
        if (profile.shield()) {
            actions.addAll(shield(os, pin.cores()));
        }
        if (profile.numa() && host.numaNodes() < 2) { // with more, thread-pinning places threads and their memory
            actions.add(new Skipped("numa-placement", host.numaNodes() + " node(s)",
                    "one NUMA node on this host: nothing to place"));
        }
        if (pin.cores() != null) {
            actions.add(new AffinityAction(os, pin.cores().others(), usable, pin.cores().locked(),
                    pinning.leftAlone(true), pin.cores().whyOthers()));
        } else if (profile.affinity() != null) {
            actions.add(new AffinityAction(os, profile.affinity(), usable, CpuList.NONE, pinning.leftAlone(true), ""));
        }
        return actions;
    }

    /**
     * The dedicated CPUs kept for their threads alone: interrupts moved off them (and off their
     * idle SMT siblings), no idle state on them. Both outlive the JVM, so both are journaled.
     */
    private static List<Action> shield(Platform os, CorePlan cores) {
        if (cores == null || !cores.canPin()) {
            return List.of(new Skipped(SHIELD, "dedicated CPUs", "no dedicated CPUs to shield: pin= names the"
                    + " threads that get them, and the host must have a CPU to spare"));
        }
        HostJournal journal = HostJournal.current();
        return List.of(new IrqAffinityAction(os, cores.locked(), cores.others(), journal),
                new ResumeLatencyAction(os, cores.dedicated(), journal));
    }

    private static final String SHIELD = "cpu-shield";
}
