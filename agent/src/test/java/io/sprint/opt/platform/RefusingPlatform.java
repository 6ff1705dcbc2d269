package io.sprint.opt.platform;

import java.util.BitSet;
import java.util.List;

/**
 * For tests of the actions: an OS layer that refuses every call as unsupported, for a test to
 * override with the few an OS under study has (the real layers are exercised end to end).
 */
public class RefusingPlatform implements Platform {
    private OsException refuse() {
        return OsException.unsupported("this", name());
    }

    @Override public String name() { return "test OS"; }
    @Override public List<Long> threads() throws OsException { throw refuse(); }
    @Override public BitSet affinity(long tid) throws OsException { throw refuse(); }
    @Override public void setAffinity(long tid, BitSet cpus) throws OsException { throw refuse(); }
    @Override public long currentThreadId() throws OsException { throw refuse(); }
    @Override public Scheduling scheduling(long tid) throws OsException { throw refuse(); }
    @Override public void setScheduling(long tid, Scheduling scheduling) throws OsException { throw refuse(); }
    @Override public long timerSlackNanos(long tid) throws OsException { throw refuse(); }
    @Override public void setTimerSlackNanos(long tid, long nanos) throws OsException { throw refuse(); }
    @Override public void lockMemory() throws OsException { throw refuse(); }
    @Override public void unlockMemory() throws OsException { throw refuse(); }
    @Override public long lockedKilobytes() throws OsException { throw refuse(); }
    @Override public void adviseHugePages(long address, long length) throws OsException { throw refuse(); }
    @Override public boolean hugePagesAdvised(long address, long length) throws OsException { throw refuse(); }
}
