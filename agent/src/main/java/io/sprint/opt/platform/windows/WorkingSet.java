package io.sprint.opt.platform.windows;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import io.sprint.opt.platform.OsException;

/**
 * Windows' nearest to mlockall: a hard minimum working set as large as the memory the process has
 * committed, so the memory manager does not trim it (SetProcessWorkingSetSizeEx with
 * QUOTA_LIMITS_HARDWS_MIN_ENABLE). Unlike MCL_FUTURE it covers what is committed when it is set:
 * a JVM started with -Xms equal to -Xmx and -XX:+AlwaysPreTouch has its whole heap in it. Read
 * back with GetProcessWorkingSetSizeEx; unlock puts back the sizes and flags found first.
 * Raising the working set needs SeIncreaseWorkingSetPrivilege and, for hard limits,
 * SeIncreaseBasePriorityPrivilege: both are enabled in the token first, when it holds them.
 */
final class WorkingSet {
    private static final long MIB = 1L << 20;
    /** Room above the minimum, so the soft maximum never pins the working set at its floor. */
    private static final long HEADROOM = 64 * MIB;
    private static final String[] PRIVILEGES = {"SeIncreaseWorkingSetPrivilege", "SeIncreaseBasePriorityPrivilege"};

    /** Minimum, maximum and flags as first found; null until the first lock. */
    private long[] original;

    synchronized void lock() throws OsException {
        Pointer self = Kernel32.GetCurrentProcess();
        long[] now = read(self);
        if (original == null) {
            original = now;
        }
        long minimum = roundUp(Math.max(committedBytes(self), now[0]));
        long maximum = Math.max(now[1], minimum + HEADROOM);
        enablePrivileges(self);
        set(self, minimum, maximum, Kernel32.QUOTA_LIMITS_HARDWS_MIN_ENABLE | Kernel32.QUOTA_LIMITS_HARDWS_MAX_DISABLE);
    }

    synchronized void unlock() throws OsException {
        Pointer self = Kernel32.GetCurrentProcess();
        long[] back = original != null ? original : read(self);
        int maxFlag = (back[2] & Kernel32.QUOTA_LIMITS_HARDWS_MAX_ENABLE) != 0
                ? Kernel32.QUOTA_LIMITS_HARDWS_MAX_ENABLE : Kernel32.QUOTA_LIMITS_HARDWS_MAX_DISABLE;
        set(self, back[0], back[1], Kernel32.QUOTA_LIMITS_HARDWS_MIN_DISABLE | maxFlag);
    }

    /** The hard minimum in force, in kB; 0 when the minimum is soft (the default). */
    long lockedKilobytes() throws OsException {
        long[] now = read(Kernel32.GetCurrentProcess());
        return (now[2] & Kernel32.QUOTA_LIMITS_HARDWS_MIN_ENABLE) != 0 ? now[0] / 1024 : 0;
    }

    private static long[] read(Pointer self) throws OsException {
        long[] minimum = new long[1];
        long[] maximum = new long[1];
        int[] flags = new int[1];
        try {
            Kernel32.GetProcessWorkingSetSizeEx(self, minimum, maximum, flags);
        } catch (LastErrorException e) {
            throw WindowsError.of("GetProcessWorkingSetSizeEx", e.getErrorCode());
        }
        return new long[] {minimum[0], maximum[0], flags[0]};
    }

    private static void set(Pointer self, long minimum, long maximum, int flags) throws OsException {
        try {
            Kernel32.SetProcessWorkingSetSizeEx(self, minimum, maximum, flags);
        } catch (LastErrorException e) {
            throw WindowsError.of("SetProcessWorkingSetSizeEx(" + minimum / MIB + " MiB, " + maximum / MIB + " MiB)",
                    e.getErrorCode());
        }
    }

    private static long committedBytes(Pointer self) throws OsException {
        Kernel32.ProcessMemoryCounters counters = new Kernel32.ProcessMemoryCounters();
        try {
            Kernel32.K32GetProcessMemoryInfo(self, counters, counters.size());
        } catch (LastErrorException e) {
            throw WindowsError.of("GetProcessMemoryInfo", e.getErrorCode());
        }
        return counters.PagefileUsage;
    }

    /** Best effort: a privilege the token lacks stays off, and the call that needs it says so. */
    private static void enablePrivileges(Pointer self) {
        long[] token = new long[1];
        if (!Advapi32.OpenProcessToken(self, Advapi32.TOKEN_ADJUST_PRIVILEGES | Advapi32.TOKEN_QUERY, token)) {
            return;
        }
        Pointer handle = new Pointer(token[0]);
        try {
            for (String privilege : PRIVILEGES) {
                long[] luid = new long[1];
                if (Advapi32.LookupPrivilegeValueW(null, new WString(privilege), luid)) {
                    int[] state = {1, (int) luid[0], (int) (luid[0] >>> 32), Advapi32.SE_PRIVILEGE_ENABLED};
                    Advapi32.AdjustTokenPrivileges(handle, false, state, state.length * 4, null, null);
                }
            }
        } finally {
            Kernel32.CloseHandle(handle);
        }
    }

    private static long roundUp(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }
}
