package io.sprint.opt.platform;

import java.util.BitSet;
import java.util.List;

/** An OS (or a JVM where JNA cannot load) with no OS layer: every call says why. */
final class UnsupportedPlatform implements Platform {
    private final String reason;

    UnsupportedPlatform(String reason) {
        this.reason = reason;
    }

    @Override
    public String name() {
        return "unsupported (" + reason + ")";
    }

    private OsException no() {
        return OsException.unavailable(reason);
    }

    @Override
    public List<Long> threads() throws OsException {
        throw no();
    }

    @Override
    public BitSet affinity(long tid) throws OsException {
        throw no();
    }

    @Override
    public void setAffinity(long tid, BitSet cpus) throws OsException {
        throw no();
    }

    @Override
    public long timerSlackNanos(long tid) throws OsException {
        throw no();
    }

    @Override
    public void setTimerSlackNanos(long tid, long nanos) throws OsException {
        throw no();
    }

    @Override
    public void lockMemory() throws OsException {
        throw no();
    }

    @Override
    public void unlockMemory() throws OsException {
        throw no();
    }

    @Override
    public long lockedKilobytes() throws OsException {
        throw no();
    }

    @Override
    public void adviseHugePages(long address, long length) throws OsException {
        throw no();
    }

    @Override
    public boolean hugePagesAdvised(long address, long length) throws OsException {
        throw no();
    }
}
