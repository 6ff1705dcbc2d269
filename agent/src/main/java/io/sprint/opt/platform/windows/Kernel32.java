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

    /** GROUP_AFFINITY. */
    @Structure.FieldOrder({"mask", "group", "reserved"})
    public static final class GroupAffinity extends Structure {
        public long mask;
        public short group;
        public short[] reserved = new short[3];
    }
}
