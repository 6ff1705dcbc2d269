package io.sprint.opt.jvm;

import io.sprint.opt.action.Action;
import io.sprint.opt.config.Profile;
import java.util.ArrayList;
import java.util.List;

/** The JVM side of a profile, in the order they are applied. */
public final class JvmActions {
    private JvmActions() {
    }

    public static List<Action> forProfile(Profile profile, HotSpotFlags flags) {
        List<Action> actions = new ArrayList<>();
        actions.add(new HeapFreeRatioAction(flags, profile));
        actions.add(new SoftMaxHeapAction(flags, profile));
        if (profile.idleGcMillis() != null) {
            actions.add(new PeriodicGcAction(flags, profile));
        }
        actions.add(new CommonPoolAction(profile.maxThreads()));
        for (LaunchFlags.LaunchFlag flag : LaunchFlags.forProfile(profile, Runtime.version().feature())) {
            actions.add(new LaunchFlagAction(flag, flags));
        }
        return actions;
    }
}
