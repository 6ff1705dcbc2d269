package io.sprint.opt;

import io.sprint.opt.action.Action;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.Profile;
import io.sprint.opt.jvm.HotSpotFlags;
import io.sprint.opt.jvm.JvmActions;
import io.sprint.opt.os.OsActions;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.platform.HostProbe;
import io.sprint.opt.platform.Platforms;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every action of a profile on this JVM and host: the JVM's first, then the OS's. */
public final class LevelActions implements Function<Profile, List<Action>> {
    private final HotSpotFlags flags;
    private final HostProbe host;
    private final CpuList usable;
    private final ThreadPinning pinning;

    /** @param usable the CPUs this process may use, taken before any change to them */
    public LevelActions(HotSpotFlags flags, HostProbe host, CpuList usable, ThreadPinning pinning) {
        this.flags = flags;
        this.host = host;
        this.usable = usable;
        this.pinning = pinning;
    }

    @Override
    public List<Action> apply(Profile profile) {
        List<Action> actions = new ArrayList<>(JvmActions.forProfile(profile, flags));
        actions.addAll(OsActions.forProfile(profile, Platforms::current, host, usable, pinning));
        return actions;
    }
}
