package io.sprint.opt.platform.windows;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Windows: the thread list (Toolhelp32), per-thread affinity within processor group 0
 * (SetThreadAffinityMask, read back with GetThreadGroupAffinity), thread priority
 * (SetThreadPriority, read back with GetThreadPriority), a process-wide timer period
 * (timeBeginPeriod/timeEndPeriod) in place of per-thread timer slack, and a hard minimum working
 * set in place of mlockall ({@link WorkingSet}). Compiled here, never run: this project's
 * machines are Linux.
 */
public final class WindowsPlatform implements Platform {
    private static final int MAX_CPUS = 64;
    private static final int TIME_CRITICAL = 15;

    private final WorkingSet workingSet = new WorkingSet();
    /** The period this process's timeBeginPeriod holds, in ms; 0 for none. */
    private volatile int heldMillis;

    /** Binds every library now, so a missing one makes the whole layer unavailable here, once. */
    public WindowsPlatform() {
        bind(Kernel32.class);
        bind(WinMM.class);
        bind(Advapi32.class);
    }

    private static void bind(Class<?> library) {
        try {
            Class.forName(library.getName(), true, library.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "Windows (JNA " + Native.VERSION + ")";
    }

    @Override
    public String missing(Capability capability) {
        switch (capability) {
            case TIMER_SLACK:
                return "per-thread timer slack (Windows' timer period is process-wide)";
            case HUGE_PAGES:
                return "huge-page advice (Windows large pages are chosen at allocation: -XX:+UseLargePages)";
            case IDLE_LIMIT:
            case CPU_RESUME_LATENCY:
                return capability.what() + " (Windows: the power plan's processor idle settings, powercfg)";
            case IRQ_AFFINITY:
                return "interrupt affinity (Windows: the device's interrupt policy, set per driver)";
            default:
                return null;
        }
    }

    @Override
    public String remedy(Capability capability) {
        return "run the JVM as Administrator, or grant its account \"Increase a process working set\" and \"Increase"
                + " scheduling priority\" (SeIncreaseWorkingSetPrivilege, SeIncreaseBasePriorityPrivilege) in Local"
                + " Security Policy";
    }

    @Override
    public List<Long> threads() throws OsException {
        int pid = Kernel32.GetCurrentProcessId();
        Pointer snapshot;
        try {
            snapshot = Kernel32.CreateToolhelp32Snapshot(Kernel32.TH32CS_SNAPTHREAD, 0);
        } catch (LastErrorException e) {
            throw WindowsError.of("CreateToolhelp32Snapshot", e.getErrorCode());
        }
        List<Long> tids = new ArrayList<>();
        try {
            Kernel32.ThreadEntry32 entry = new Kernel32.ThreadEntry32();
            for (boolean more = Kernel32.Thread32First(snapshot, entry); more; more = Kernel32.Thread32Next(snapshot, entry)) {
                if (entry.th32OwnerProcessID == pid) {
                    tids.add(Integer.toUnsignedLong(entry.th32ThreadID));
                }
            }
        } finally {
            Kernel32.CloseHandle(snapshot);
        }
        return tids;
    }

    @Override
    public BitSet affinity(long tid) throws OsException {
        Pointer thread = open(tid);
        try {
            Kernel32.GroupAffinity affinity = new Kernel32.GroupAffinity();
            Kernel32.GetThreadGroupAffinity(thread, affinity);
            if (affinity.group != 0) {
                throw OsException.unsupported("a thread outside processor group 0", "Windows");
            }
            return BitSet.valueOf(new long[] {affinity.mask});
        } catch (LastErrorException e) {
            throw WindowsError.of("GetThreadGroupAffinity(" + tid + ")", e.getErrorCode());
        } finally {
            Kernel32.CloseHandle(thread);
        }
    }

    @Override
    public void setAffinity(long tid, BitSet cpus) throws OsException {
        if (cpus.length() > MAX_CPUS) {
            throw OsException.unsupported("CPUs above 63 (processor groups)", "Windows");
        }
        Pointer thread = open(tid);
        try {
            Kernel32.SetThreadAffinityMask(thread, cpus.toLongArray()[0]);
        } catch (LastErrorException e) {
            throw WindowsError.of("SetThreadAffinityMask(" + tid + ")", e.getErrorCode());
        } finally {
            Kernel32.CloseHandle(thread);
        }
    }

    private static Pointer open(long tid) throws OsException {
        try {
            return Kernel32.OpenThread(Kernel32.THREAD_SET_INFORMATION | Kernel32.THREAD_QUERY_INFORMATION, false,
                    (int) tid);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == WindowsError.ERROR_INVALID_PARAMETER) { // no such thread (any more)
                throw new OsException("OpenThread(" + tid + "): no such thread", OsException.ESRCH);
            }
            throw WindowsError.of("OpenThread(" + tid + ")", e.getErrorCode());
        }
    }

    @Override
    public long currentThreadId() {
        return Kernel32.GetCurrentThreadId() & 0xffffffffL;
    }

    /** GetThreadPriority: Java's own priorities show as the relative priorities HotSpot gave them. */
    @Override
    public Scheduling scheduling(long tid) throws OsException {
        Pointer thread = open(tid);
        try {
            int priority = Kernel32.GetThreadPriority(thread);
            if (priority == Kernel32.THREAD_PRIORITY_ERROR_RETURN) {
                throw WindowsError.of("GetThreadPriority(" + tid + ")", Native.getLastError());
            }
            return Scheduling.windows(priority);
        } finally {
            Kernel32.CloseHandle(thread);
        }
    }

    @Override
    public void setScheduling(long tid, Scheduling scheduling) throws OsException {
        Scheduling.Policy policy = scheduling.policy();
        if (policy != Scheduling.Policy.WINDOWS_PRIORITY && policy != Scheduling.Policy.WINDOWS_TIME_CRITICAL) {
            throw OsException.unsupported(scheduling.toString(), "Windows");
        }
        Pointer thread = open(tid);
        try {
            Kernel32.SetThreadPriority(thread, scheduling.priority());
        } catch (LastErrorException e) {
            throw WindowsError.of("SetThreadPriority(" + tid + ", " + scheduling + ")", e.getErrorCode());
        } finally {
            Kernel32.CloseHandle(thread);
        }
    }

    /**
     * TIME_CRITICAL either way: Windows runs threads of one priority round robin by quantum, so a
     * shared CPU is already shared the way SCHED_RR shares it. The process's class is left alone:
     * TIME_CRITICAL is 15 in every class but the real-time one, so raising the class would lift
     * only the GC, JIT and other threads above other processes.
     */
    @Override
    public Scheduling realTime(boolean aloneOnDedicatedCpu, int priority) {
        return Scheduling.windows(TIME_CRITICAL);
    }

    /** What this process's own timeBeginPeriod calls hold: Windows reports only the system-wide period. */
    @Override
    public long timerPeriodNanos() {
        return heldMillis * 1_000_000L;
    }

    @Override
    public synchronized void setTimerPeriodNanos(long nanos) throws OsException {
        int millis = (int) Math.max(nanos > 0 ? 1 : 0, nanos / 1_000_000L);
        if (millis == heldMillis) {
            return;
        }
        if (millis > 0) {
            int result = WinMM.timeBeginPeriod(millis);
            if (result != WinMM.TIMERR_NOERROR) {
                throw new OsException("timeBeginPeriod(" + millis + "): TIMERR_NOCANDO (" + result + ")", OsException.EINVAL);
            }
        }
        if (heldMillis > 0) {
            WinMM.timeEndPeriod(heldMillis);
        }
        heldMillis = millis;
    }

    @Override
    public void lockMemory() throws OsException {
        workingSet.lock();
    }

    @Override
    public void unlockMemory() throws OsException {
        workingSet.unlock();
    }

    @Override
    public long lockedKilobytes() throws OsException {
        return workingSet.lockedKilobytes();
    }

    @Override
    public String describeLocked(long kilobytes) {
        return kilobytes + " kB kept resident: what is committed now";
    }

}
