package io.sprint.opt.platform.macos;

import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;
import io.sprint.opt.platform.UnsupportedPlatform;
import io.sprint.opt.platform.UnsupportedPlatform.Capability;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * macOS: real-time policy for selected threads through Mach (thread_policy_set with
 * THREAD_TIME_CONSTRAINT_POLICY, read back with thread_policy_get, undone with
 * THREAD_STANDARD_POLICY); threads are named by their Mach port, as HotSpot's nid is on macOS.
 * The rest macOS does not offer, and says which: no thread affinity (affinity tags of
 * THREAD_AFFINITY_POLICY are hints, ignored on Apple silicon), no mlockall (mlock wires one
 * region at once), no timer slack, no transparent huge pages. Compiled here, never run: this
 * project's machines are Linux.
 */
public final class MacPlatform implements Platform {
    private static final String OS = "macOS";
    private static final int KERN_INVALID_ARGUMENT = 4;
    private static final int MACH_SEND_INVALID_DEST = 0x10000003;

    private final Platform missing = UnsupportedPlatform.of(OS, Map.of(
            Capability.THREAD_AFFINITY, "thread affinity (macOS affinity tags are hints, ignored on Apple silicon)",
            Capability.TIMER_SLACK, "timer slack",
            Capability.MEMORY_LOCK, "locking all memory (macOS has no mlockall; mlock wires one region at once)",
            Capability.HUGE_PAGES, "huge-page advice (macOS has no transparent huge pages)"));
    private final int[] timebase = new int[2];

    /** Binds libSystem now, so a failure makes the whole layer unavailable here, once. */
    public MacPlatform() throws OsException {
        int result = Mach.mach_timebase_info(timebase);
        if (result != Mach.KERN_SUCCESS || timebase[0] == 0) {
            throw new OsException("mach_timebase_info: kern_return " + result, 0);
        }
    }

    @Override
    public String name() {
        return "macOS (JNA " + com.sun.jna.Native.VERSION + ")";
    }

    @Override
    public long currentThreadId() {
        return Integer.toUnsignedLong(Mach.pthread_mach_thread_np(Mach.pthread_self()));
    }

    @Override
    public Scheduling scheduling(long tid) throws OsException {
        int[] info = new int[Mach.THREAD_TIME_CONSTRAINT_POLICY_COUNT];
        int[] count = {info.length};
        int[] getDefault = {0};
        check("thread_policy_get(" + tid + ")", Mach.thread_policy_get((int) tid, Mach.THREAD_TIME_CONSTRAINT_POLICY,
                info, count, getDefault));
        return new Scheduling(getDefault[0] != 0 ? Scheduling.Policy.MACH_STANDARD
                : Scheduling.Policy.MACH_TIME_CONSTRAINT, 0);
    }

    @Override
    public void setScheduling(long tid, Scheduling scheduling) throws OsException {
        String call = "thread_policy_set(" + tid + ", " + scheduling + ")";
        switch (scheduling.policy()) {
            case MACH_TIME_CONSTRAINT:
                int[] policy = TimeConstraint.policy(timebase[0], timebase[1]);
                check(call, Mach.thread_policy_set((int) tid, Mach.THREAD_TIME_CONSTRAINT_POLICY, policy, policy.length));
                break;
            case MACH_STANDARD:
                check(call, Mach.thread_policy_set((int) tid, Mach.THREAD_STANDARD_POLICY, new int[1],
                        Mach.THREAD_STANDARD_POLICY_COUNT));
                break;
            default:
                throw OsException.unsupported(scheduling.toString(), OS);
        }
    }

    /** One policy for both cases: Mach has no priorities among real-time threads, only budgets. */
    @Override
    public Scheduling realTime(boolean aloneOnDedicatedCpu, int priority) {
        return new Scheduling(Scheduling.Policy.MACH_TIME_CONSTRAINT, 0);
    }

    /** kern_return_t: MACH_SEND_INVALID_DEST / KERN_INVALID_ARGUMENT for a port that is gone. */
    private static void check(String call, int result) throws OsException {
        if (result != Mach.KERN_SUCCESS) {
            throw new OsException(call + ": kern_return " + result, result == KERN_INVALID_ARGUMENT
                    || result == MACH_SEND_INVALID_DEST ? OsException.ESRCH : 0);
        }
    }

    @Override
    public List<Long> threads() throws OsException {
        return missing.threads();
    }

    @Override
    public BitSet affinity(long tid) throws OsException {
        return missing.affinity(tid);
    }

    @Override
    public void setAffinity(long tid, BitSet cpus) throws OsException {
        missing.setAffinity(tid, cpus);
    }

    @Override
    public long timerSlackNanos(long tid) throws OsException {
        return missing.timerSlackNanos(tid);
    }

    @Override
    public void setTimerSlackNanos(long tid, long nanos) throws OsException {
        missing.setTimerSlackNanos(tid, nanos);
    }

    @Override
    public void lockMemory() throws OsException {
        missing.lockMemory();
    }

    @Override
    public void unlockMemory() throws OsException {
        missing.unlockMemory();
    }

    @Override
    public long lockedKilobytes() throws OsException {
        return missing.lockedKilobytes();
    }

    @Override
    public void adviseHugePages(long address, long length) throws OsException {
        missing.adviseHugePages(address, length);
    }

    @Override
    public boolean hugePagesAdvised(long address, long length) throws OsException {
        return missing.hugePagesAdvised(address, length);
    }
}
