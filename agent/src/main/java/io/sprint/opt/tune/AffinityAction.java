package io.sprint.opt.tune;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.Platform;
import java.util.BitSet;
import java.util.function.LongPredicate;

/**
 * CPUs for every thread of the JVM, within the CPUs this process may use (affinity mask and
 * cgroup cpuset): the level's affinity list (or cpus=), or, when threads are pinned, the CPUs
 * left after the dedicated ones. New threads inherit it from their creator; restore gives each
 * thread its recorded mask, and threads born since the main thread's. Pinned threads are left to
 * the pinning.
 */
public final class AffinityAction extends OsSettingAction<PerThread<BitSet>> {
    private final CpuList wanted;
    private final CpuList usable;
    private final String note;

    /** @param note why these CPUs, appended to the applied detail ("" for the level's list) */
    public AffinityAction(Platform platform, CpuList wanted, CpuList usable, LongPredicate pinned, String note) {
        super("cpu-affinity", setting(platform, pinned), PerThread.every(wanted.intersect(usable).bits()), platform,
                Capability.THREAD_AFFINITY);
        this.wanted = wanted;
        this.usable = usable;
        this.note = note;
    }

    private static PerThreadSetting<BitSet> setting(Platform platform, LongPredicate pinned) {
        return new PerThreadSetting<>("Cpus_allowed_list", platform, platform::affinity, platform::setAffinity,
                cpus -> CpuList.of(cpus).toString(), pinned);
    }

    @Override
    protected String note() {
        return note;
    }

    @Override
    protected String planNote() {
        return note;
    }

    @Override
    protected String skipReason() {
        String missing = super.skipReason();
        if (missing != null) {
            return missing;
        }
        if (wanted.intersect(usable).isEmpty()) {
            return "CPUs " + wanted + " are outside the CPUs this process may use (" + usable + ")";
        }
        return null;
    }
}
