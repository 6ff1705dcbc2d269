package io.sprint.opt.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls the Linux layer needs, through JNA's Function: the symbols are looked up
 * once in the process itself (dlopen(NULL)), where the JVM's C library, glibc or musl, already
 * is, so no library is searched for by name. Not JNA's direct mapping: registering it builds
 * JNA's structure types (annotation proxies, reflection accessors), some 50-70 ms of a cold JVM
 * before the first call, for calls made a few thousand times at most. A failing call throws
 * LastErrorException carrying errno.
 */
final class LinuxLibc {
    static final int MCL_CURRENT = 1;
    static final int MCL_FUTURE = 2;
    /** Linux 4.4+: lock pages as they are touched, so a large reserved heap is not made resident. */
    static final int MCL_ONFAULT = 4;
    static final int MADV_HUGEPAGE = 14;
    /** Or-ed into a policy: threads the thread creates start with SCHED_OTHER (no inherited RT). */
    static final int SCHED_RESET_ON_FORK = 0x40000000;

    private static final NativeLibrary C = NativeLibrary.getProcess();
    private static final Function MLOCKALL = function("mlockall");
    private static final Function MUNLOCKALL = function("munlockall");
    private static final Function SCHED_SETAFFINITY = function("sched_setaffinity");
    private static final Function SCHED_GETAFFINITY = function("sched_getaffinity");
    private static final Function SCHED_SETSCHEDULER = function("sched_setscheduler");
    private static final Function SCHED_GETSCHEDULER = function("sched_getscheduler");
    private static final Function SCHED_GETPARAM = function("sched_getparam");
    private static final Function MADVISE = function("madvise");
    private static final Function SYSCALL = function("syscall");
    private static final Function GETPRIORITY = function("getpriority");
    private static final Function SETPRIORITY = function("setpriority");
    /** getpriority/setpriority's "which": with a thread id, Linux reaches that one thread. */
    static final int PRIO_PROCESS = 0;

    static final int MPOL_DEFAULT = 0;
    static final int MPOL_PREFERRED = 1;

    private LinuxLibc() {
    }

    /** Binds the calls now (the static initialiser), on the thread that loads the OS layer. */
    static void bind() {
        // class initialisation does it
    }

    /** Errno after the call becomes LastErrorException, as a direct mapping declaring it would. */
    private static Function function(String name) {
        return C.getFunction(name, Function.THROW_LAST_ERROR);
    }

    static int mlockall(int flags) throws LastErrorException {
        return MLOCKALL.invokeInt(new Object[] {flags});
    }

    static int munlockall() throws LastErrorException {
        return MUNLOCKALL.invokeInt(new Object[0]);
    }

    /** The mask is cpu_set_t as unsigned longs: bit n of word n/64 is CPU n, on any endianness. */
    static int sched_setaffinity(int tid, NativeLong size, long[] mask) throws LastErrorException {
        return SCHED_SETAFFINITY.invokeInt(new Object[] {tid, size, mask});
    }

    /** Fills {@code mask} (cpu_set_t as unsigned longs) and returns the bytes the kernel wrote. */
    static int sched_getaffinity(int tid, NativeLong size, long[] mask) throws LastErrorException {
        return SCHED_GETAFFINITY.invokeInt(new Object[] {tid, size, mask});
    }

    /** {@code param} is struct sched_param: one int, the priority. */
    static int sched_setscheduler(int tid, int policy, int[] param) throws LastErrorException {
        return SCHED_SETSCHEDULER.invokeInt(new Object[] {tid, policy, param});
    }

    /** The policy, with SCHED_RESET_ON_FORK or-ed in when the thread has it. */
    static int sched_getscheduler(int tid) throws LastErrorException {
        return SCHED_GETSCHEDULER.invokeInt(new Object[] {tid});
    }

    static int sched_getparam(int tid, int[] param) throws LastErrorException {
        return SCHED_GETPARAM.invokeInt(new Object[] {tid, param});
    }

    /** The nice value (-20..19): -1 is a nice value too, so a failure is told by errno alone. */
    static int getpriority(int which, int tid) throws LastErrorException {
        return GETPRIORITY.invokeInt(new Object[] {which, tid});
    }

    static int setpriority(int which, int tid, int nice) throws LastErrorException {
        return SETPRIORITY.invokeInt(new Object[] {which, tid, nice});
    }

    static int madvise(Pointer address, NativeLong length, int advice) throws LastErrorException {
        return MADVISE.invokeInt(new Object[] {address, length, advice});
    }

    /**
     * glibc has no wrapper for set_mempolicy and get_mempolicy (libnuma does): they are reached
     * through syscall(2), by number, which differs per architecture.
     */
    static long syscall(NativeLong number, int mode, long[] nodemask, NativeLong maxnode) throws LastErrorException {
        return SYSCALL.invokeLong(new Object[] {number, mode, nodemask, maxnode});
    }

    static long syscall(NativeLong number, int[] mode, long[] nodemask, NativeLong maxnode, Pointer address,
                        NativeLong flags) throws LastErrorException {
        return SYSCALL.invokeLong(new Object[] {number, mode, nodemask, maxnode, address, flags});
    }
}
