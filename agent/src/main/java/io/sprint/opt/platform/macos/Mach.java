package io.sprint.opt.platform.macos;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** The Mach and pthread calls the macOS layer needs, from libSystem by JNA direct mapping. */
final class Mach {
    static final int KERN_SUCCESS = 0;
    static final int THREAD_STANDARD_POLICY = 1;
    static final int THREAD_STANDARD_POLICY_COUNT = 0;
    static final int THREAD_TIME_CONSTRAINT_POLICY = 2;
    static final int THREAD_TIME_CONSTRAINT_POLICY_COUNT = 4;

    static {
        Native.register(Mach.class, NativeLibrary.getInstance("System"));
    }

    private Mach() {
    }

    static native Pointer pthread_self();

    /** The thread's Mach port name in this task: what HotSpot shows as a thread's nid on macOS. */
    static native int pthread_mach_thread_np(Pointer thread);

    /** mach_timebase_info_data_t: {numer, denom}, absolute time units = ns * denom / numer. */
    static native int mach_timebase_info(int[] info);

    /** policy_info as an array of integer_t; count in integer_t. */
    static native int thread_policy_set(int thread, int flavor, int[] policyInfo, int count);

    /**
     * getDefault in: 0 for the thread's own values; out: 1 when the thread does not have this
     * policy and the defaults were returned.
     */
    static native int thread_policy_get(int thread, int flavor, int[] policyInfo, int[] count, int[] getDefault);
}
