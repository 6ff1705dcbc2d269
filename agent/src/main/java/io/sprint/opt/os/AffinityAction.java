package io.sprint.opt.os;

import io.sprint.opt.platform.Remedies;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Platform;
import java.util.BitSet;

/**
 * The level's affinity list (or cpus=) for every thread of the JVM, within the CPUs this
 * process may use (affinity mask and cgroup cpuset). New threads inherit it from their creator;
 * restore gives each thread its recorded mask, and threads born since the main thread's.
 */
final class AffinityAction extends OsSettingAction<PerThread<BitSet>> {
    private final CpuList wanted;
    private final CpuList usable;

    AffinityAction(Platform platform, CpuList wanted, CpuList usable) {
        super("cpu-affinity", setting(platform), PerThread.every(wanted.intersect(usable).bits()), Remedies.SYS_NICE);
        this.wanted = wanted;
        this.usable = usable;
    }

    private static PerThreadSetting<BitSet> setting(Platform platform) {
        return new PerThreadSetting<>("Cpus_allowed_list", platform, platform::affinity, platform::setAffinity,
                cpus -> CpuList.of(cpus).toString());
    }

    @Override
    protected String skipReason() {
        if (wanted.intersect(usable).isEmpty()) {
            return "CPUs " + wanted + " are outside the CPUs this process may use (" + usable + ")";
        }
        return null;
    }
}
