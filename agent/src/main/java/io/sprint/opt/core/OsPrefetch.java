package io.sprint.opt.core;

import io.sprint.opt.config.Profile;
import io.sprint.opt.jdk.ManagementInternals;
import io.sprint.opt.pin.PinningPlan;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.tune.HugePagesAction;

/**
 * What a level's OS actions would otherwise first do cold on the level's own thread, done ahead
 * by the thread that has just loaded JNA and is idle while the level's thread still applies the
 * JVM's flags and plans the pinning (two CPUs are enough to overlap them): the Thread hook's
 * first weave and the heap's range. The range is kept, as it never changes; the weave only loads
 * and runs the weaver once, so that install takes the retransform alone. Nothing here changes
 * the JVM or the host.
 *
 * <p>With {@code strict=true} only, where main waits for the whole level: strict turbo,pin
 * started 12 ms sooner in wall time for 10 ms more CPU (src/bench/startcost.sh 30, against the
 * same build without it, when this thread also asked ProcessHandle for the journal's owner).
 * Without strict the application's own main runs beside this thread, and turbo,pin's main
 * started 34 ms later with it (src/bench/effect.sh 9).
 */
final class OsPrefetch {
    private OsPrefetch() {
    }

    /** In the order the level's actions need them. */
    static void ahead(Profile profile) {
        if (PinningPlan.selectsThreads(profile)) {
            ThreadPinning.prepareHook();
        }
        // only once the level's thread has opened jdk.management: before, the command would go
        // through the platform MBeanServer, which sets up java.util.logging before main
        if (profile.hugepages() && ManagementInternals.opened()) {
            HugePagesAction.prepare();
        }
    }
}
