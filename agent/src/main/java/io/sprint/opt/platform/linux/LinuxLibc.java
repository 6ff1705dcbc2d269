package io.sprint.opt.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls the Linux layer needs, by JNA direct mapping (no proxy, no reflection per
 * call). A failing call throws LastErrorException carrying errno. The symbols are looked up in the
 * process itself (dlopen(NULL)): the JVM already has its C library loaded, glibc or musl, so no
 * library is searched for by name.
 */
final class LinuxLibc {
    static final int MCL_CURRENT = 1;
    static final int MCL_FUTURE = 2;
    /** Linux 4.4+: lock pages as they are touched, so a large reserved heap is not made resident. */
    static final int MCL_ONFAULT = 4;
    static final int MADV_HUGEPAGE = 14;
    /** Or-ed into a policy: threads the thread creates start with SCHED_OTHER (no inherited RT). */
    static final int SCHED_RESET_ON_FORK = 0x40000000;

    static {
        Native.register(LinuxLibc.class, NativeLibrary.getProcess());
    }

    private LinuxLibc() {
    }

    static native int mlockall(int flags) throws LastErrorException;

    static native int munlockall() throws LastErrorException;

    /** The mask is cpu_set_t as unsigned longs: bit n of word n/64 is CPU n, on any endianness. */
    static native int sched_setaffinity(int tid, NativeLong size, long[] mask) throws LastErrorException;

    /** Fills {@code mask} (cpu_set_t as unsigned longs) and returns the bytes the kernel wrote. */
    static native int sched_getaffinity(int tid, NativeLong size, long[] mask) throws LastErrorException;

    /** {@code param} is struct sched_param: one int, the priority. */
    static native int sched_setscheduler(int tid, int policy, int[] param) throws LastErrorException;

    /** The policy, with SCHED_RESET_ON_FORK or-ed in when the thread has it. */
    static native int sched_getscheduler(int tid) throws LastErrorException;

    static native int sched_getparam(int tid, int[] param) throws LastErrorException;

    static native int madvise(Pointer address, NativeLong length, int advice) throws LastErrorException;

    static final int MPOL_DEFAULT = 0;
    static final int MPOL_PREFERRED = 1;

    /**
     * glibc has no wrapper for set_mempolicy and get_mempolicy (libnuma does): they are reached
     * through syscall(2), by number, which differs per architecture.
     */
    static native long syscall(NativeLong number, int mode, long[] nodemask, NativeLong maxnode)
            throws LastErrorException;

    static native long syscall(NativeLong number, int[] mode, long[] nodemask, NativeLong maxnode, Pointer address,
                               NativeLong flags) throws LastErrorException;
}
