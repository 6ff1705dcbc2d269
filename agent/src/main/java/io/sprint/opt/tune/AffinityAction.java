package io.sprint.opt.tune;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.threads.ThreadClaims;
import java.util.BitSet;

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

    /**
     * @param reserved the pinned threads' CPUs (none without pinning): a thread found only on them
     *     was started by a pinned thread as it was being pinned (its child inherits its one CPU),
     *     and is given the others' original CPUs back on restore, not that one
     * @param note why these CPUs, appended to the applied detail ("" for the level's list)
     */
    public AffinityAction(Platform platform, CpuList wanted, CpuList usable, CpuList reserved, ThreadClaims pinned,
                          String note) {
        super("cpu-affinity", new Masks(platform, reserved, pinned), PerThread.every(wanted.intersect(usable).bits()),
                platform, Capability.THREAD_AFFINITY);
        this.wanted = wanted;
        this.usable = usable;
        this.note = note;
    }

    private static final class Masks extends PerThreadSetting<BitSet> {
        private final CpuList reserved;

        Masks(Platform platform, CpuList reserved, ThreadClaims pinned) {
            super("Cpus_allowed_list", platform, pinned);
            this.reserved = reserved;
        }

        @Override
        protected boolean inherited(BitSet cpus) {
            return !reserved.isEmpty() && !cpus.isEmpty() && CpuList.of(cpus).minus(reserved).isEmpty();
        }

        @Override
        protected BitSet get(long tid) throws OsException {
            return platform.affinity(tid);
        }

        @Override
        protected void set(long tid, BitSet cpus) throws OsException {
            platform.setAffinity(tid, cpus);
        }

        @Override
        protected String display(BitSet cpus) {
            return CpuList.of(cpus).toString();
        }
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
