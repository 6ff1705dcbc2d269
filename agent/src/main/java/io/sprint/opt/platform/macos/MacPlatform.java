package io.sprint.opt.platform.macos;

import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import java.util.BitSet;
import java.util.List;

/**
 * macOS offers none of what this layer does, and says which: no thread affinity (affinity tags
 * of THREAD_AFFINITY_POLICY are hints, ignored on Apple silicon), no mlockall (only mlock per
 * region), no timer slack, no transparent huge pages. Its real-time policy
 * (THREAD_TIME_CONSTRAINT_POLICY) belongs with thread pinning.
 */
public final class MacPlatform implements Platform {
    private static final String AFFINITY = "thread affinity (macOS affinity tags are hints, ignored on Apple silicon)";
    private static final String MEMORY = "locking all memory (macOS has no mlockall, only mlock per region)";
    private static final String SLACK = "timer slack";
    private static final String HUGE = "huge-page advice (macOS has no transparent huge pages)";

    @Override
    public String name() {
        return "macOS";
    }

    @Override
    public List<Long> threads() throws OsException {
        throw OsException.unsupported(AFFINITY, "macOS");
    }

    @Override
    public BitSet affinity(long tid) throws OsException {
        throw OsException.unsupported(AFFINITY, "macOS");
    }

    @Override
    public void setAffinity(long tid, BitSet cpus) throws OsException {
        throw OsException.unsupported(AFFINITY, "macOS");
    }

    @Override
    public long timerSlackNanos(long tid) throws OsException {
        throw OsException.unsupported(SLACK, "macOS");
    }

    @Override
    public void setTimerSlackNanos(long tid, long nanos) throws OsException {
        throw OsException.unsupported(SLACK, "macOS");
    }

    @Override
    public void lockMemory() throws OsException {
        throw OsException.unsupported(MEMORY, "macOS");
    }

    @Override
    public void unlockMemory() throws OsException {
        throw OsException.unsupported(MEMORY, "macOS");
    }

    @Override
    public long lockedKilobytes() throws OsException {
        throw OsException.unsupported(MEMORY, "macOS");
    }

    @Override
    public void adviseHugePages(long address, long length) throws OsException {
        throw OsException.unsupported(HUGE, "macOS");
    }

    @Override
    public boolean hugePagesAdvised(long address, long length) throws OsException {
        throw OsException.unsupported(HUGE, "macOS");
    }
}
