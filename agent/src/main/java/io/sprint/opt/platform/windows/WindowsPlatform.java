package io.sprint.opt.platform.windows;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Windows: the thread list (Toolhelp32) and per-thread affinity within processor group 0
 * (SetThreadAffinityMask, read back with GetThreadGroupAffinity). Windows has no mlockall and
 * no per-thread timer slack (its timer resolution, timeBeginPeriod, is process-wide): those say
 * so. Compiled here, not run: this project's machines are Linux.
 */
public final class WindowsPlatform implements Platform {
    private static final int MAX_CPUS = 64;

    @Override
    public String name() {
        return "Windows (JNA " + com.sun.jna.Native.VERSION + ")";
    }

    @Override
    public List<Long> threads() throws OsException {
        int pid = Kernel32.GetCurrentProcessId();
        Pointer snapshot;
        try {
            snapshot = Kernel32.CreateToolhelp32Snapshot(Kernel32.TH32CS_SNAPTHREAD, 0);
        } catch (LastErrorException e) {
            throw new OsException("CreateToolhelp32Snapshot: error " + e.getErrorCode(), e.getErrorCode());
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
            throw new OsException("GetThreadGroupAffinity(" + tid + "): error " + e.getErrorCode(), e.getErrorCode());
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
            throw new OsException("SetThreadAffinityMask(" + tid + "): error " + e.getErrorCode(), e.getErrorCode());
        } finally {
            Kernel32.CloseHandle(thread);
        }
    }

    private static Pointer open(long tid) throws OsException {
        try {
            return Kernel32.OpenThread(Kernel32.THREAD_SET_INFORMATION | Kernel32.THREAD_QUERY_INFORMATION, false,
                    (int) tid);
        } catch (LastErrorException e) {
            // ERROR_INVALID_PARAMETER: the thread is gone
            throw new OsException("OpenThread(" + tid + "): error " + e.getErrorCode(),
                    e.getErrorCode() == 87 ? OsException.ESRCH : e.getErrorCode());
        }
    }

    @Override
    public long currentThreadId() {
        return Kernel32.GetCurrentThreadId() & 0xffffffffL;
    }

    @Override
    public Scheduling scheduling(long tid) throws OsException {
        throw OsException.unsupported("real-time thread priority (SetThreadPriority is not mapped in this version)",
                "Windows");
    }

    @Override
    public void setScheduling(long tid, Scheduling scheduling) throws OsException {
        throw OsException.unsupported("real-time thread priority (SetThreadPriority is not mapped in this version)",
                "Windows");
    }

    @Override
    public long timerSlackNanos(long tid) throws OsException {
        throw OsException.unsupported("per-thread timer slack (Windows' timer resolution is process-wide)", "Windows");
    }

    @Override
    public void setTimerSlackNanos(long tid, long nanos) throws OsException {
        throw OsException.unsupported("per-thread timer slack (Windows' timer resolution is process-wide)", "Windows");
    }

    @Override
    public void lockMemory() throws OsException {
        throw OsException.unsupported("locking all memory (Windows has no mlockall; VirtualLock is per region)", "Windows");
    }

    @Override
    public void unlockMemory() throws OsException {
        throw OsException.unsupported("locking all memory", "Windows");
    }

    @Override
    public long lockedKilobytes() throws OsException {
        throw OsException.unsupported("locking all memory (Windows has no mlockall; VirtualLock is per region)", "Windows");
    }

    @Override
    public void adviseHugePages(long address, long length) throws OsException {
        throw OsException.unsupported("huge-page advice (Windows large pages are chosen at allocation:"
                + " -XX:+UseLargePages)", "Windows");
    }

    @Override
    public boolean hugePagesAdvised(long address, long length) throws OsException {
        throw OsException.unsupported("huge-page advice (Windows large pages are chosen at allocation:"
                + " -XX:+UseLargePages)", "Windows");
    }
}
