package io.sprint.opt.platform.windows;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** The kernel32 calls the Windows layer needs, by JNA direct mapping; 64-bit Windows. */
final class Kernel32 {
    static final int TH32CS_SNAPTHREAD = 0x4;
    static final int THREAD_SET_INFORMATION = 0x20;
    static final int THREAD_QUERY_INFORMATION = 0x40;
    /** GetThreadPriority's failure value. */
    static final int THREAD_PRIORITY_ERROR_RETURN = 0x7fffffff;
    static final int QUOTA_LIMITS_HARDWS_MIN_ENABLE = 0x1;
    static final int QUOTA_LIMITS_HARDWS_MIN_DISABLE = 0x2;
    static final int QUOTA_LIMITS_HARDWS_MAX_ENABLE = 0x4;
    static final int QUOTA_LIMITS_HARDWS_MAX_DISABLE = 0x8;

    static {
        Native.register(Kernel32.class, NativeLibrary.getInstance("kernel32"));
    }

    private Kernel32() {
    }

    static native int GetCurrentProcessId();

    static native int GetCurrentThreadId();

    static native Pointer CreateToolhelp32Snapshot(int flags, int processId) throws LastErrorException;

    static native boolean Thread32First(Pointer snapshot, ThreadEntry32 entry);

    static native boolean Thread32Next(Pointer snapshot, ThreadEntry32 entry);

    static native Pointer OpenThread(int access, boolean inheritHandle, int threadId) throws LastErrorException;

    static native boolean CloseHandle(Pointer handle);

    /** DWORD_PTR is 64 bits on 64-bit Windows: one processor group of up to 64 CPUs. */
    static native long SetThreadAffinityMask(Pointer thread, long mask) throws LastErrorException;

    static native boolean GetThreadGroupAffinity(Pointer thread, GroupAffinity affinity) throws LastErrorException;

    /** The pseudo-handle (-1) for this process: never closed. */
    static native Pointer GetCurrentProcess();

    /** Relative to the process's class: -15..6, or 15 (TIME_CRITICAL); checked against the failure value. */
    static native int GetThreadPriority(Pointer thread);

    static native boolean SetThreadPriority(Pointer thread, int priority) throws LastErrorException;

    /** SIZE_T out-parameters as one-element long arrays (64-bit Windows). */
    static native boolean GetProcessWorkingSetSizeEx(Pointer process, long[] minimum, long[] maximum, int[] flags)
            throws LastErrorException;

    static native boolean SetProcessWorkingSetSizeEx(Pointer process, long minimum, long maximum, int flags)
            throws LastErrorException;

    /** psapi's GetProcessMemoryInfo, exported by kernel32 since Windows 7. */
    static native boolean K32GetProcessMemoryInfo(Pointer process, ProcessMemoryCounters counters, int size)
            throws LastErrorException;

    /** THREADENTRY32. */
    @Structure.FieldOrder({"dwSize", "cntUsage", "th32ThreadID", "th32OwnerProcessID", "tpBasePri", "tpDeltaPri",
        "dwFlags"})
    public static final class ThreadEntry32 extends Structure {
        public int dwSize;
        public int cntUsage;
        public int th32ThreadID;
        public int th32OwnerProcessID;
        public int tpBasePri;
        public int tpDeltaPri;
        public int dwFlags;

        public ThreadEntry32() {
            dwSize = size();
        }
    }

    /** PROCESS_MEMORY_COUNTERS; PagefileUsage is the process's private committed bytes. */
    @Structure.FieldOrder({"cb", "PageFaultCount", "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
        "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage",
        "PeakPagefileUsage"})
    public static final class ProcessMemoryCounters extends Structure {
        public int cb;
        public int PageFaultCount;
        public long PeakWorkingSetSize;
        public long WorkingSetSize;
        public long QuotaPeakPagedPoolUsage;
        public long QuotaPagedPoolUsage;
        public long QuotaPeakNonPagedPoolUsage;
        public long QuotaNonPagedPoolUsage;
        public long PagefileUsage;
        public long PeakPagefileUsage;

        public ProcessMemoryCounters() {
            cb = size();
        }
    }

    /** GROUP_AFFINITY. */
    @Structure.FieldOrder({"mask", "group", "reserved"})
    public static final class GroupAffinity extends Structure {
        public long mask;
        public short group;
        public short[] reserved = new short[3];
    }
}
