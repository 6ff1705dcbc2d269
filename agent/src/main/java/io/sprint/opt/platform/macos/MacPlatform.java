package io.sprint.opt.platform.macos;

import com.sun.jna.Native;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;
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

    private static final Map<Capability, String> MISSING = Map.of(
            Capability.THREAD_AFFINITY, "thread affinity (macOS affinity tags are hints, ignored on Apple silicon)",
            Capability.TIMER_SLACK, "timer slack",
            Capability.TIMER_PERIOD, "a process-wide timer period",
            Capability.MEMORY_LOCK, "locking all memory (macOS has no mlockall; mlock wires one region at once)",
            Capability.HUGE_PAGES, "huge-page advice (macOS has no transparent huge pages)",
            Capability.IDLE_LIMIT, "a host-wide idle-state limit (macOS keeps idle states to itself)",
            Capability.CPU_RESUME_LATENCY, "a wake-up latency limit per CPU",
            Capability.IRQ_AFFINITY, "interrupt affinity (macOS does not let processes move interrupts)");
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
        return "macOS (JNA " + Native.VERSION + ")";
    }

    @Override
    public String missing(Capability capability) {
        return MISSING.get(capability);
    }

    /** Mach's time-constraint policy needs no privilege: nothing is refused for want of one. */
    @Override
    public String remedy(Capability capability) {
        return "";
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
}
