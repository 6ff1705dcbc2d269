package io.sprint.opt.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.WString;

/** The token calls that enable a privilege this process holds, by JNA direct mapping. */
final class Advapi32 {
    static final int TOKEN_ADJUST_PRIVILEGES = 0x20;
    static final int TOKEN_QUERY = 0x8;
    static final int SE_PRIVILEGE_ENABLED = 0x2;

    static {
        Native.register(Advapi32.class, NativeLibrary.getInstance("advapi32"));
    }

    private Advapi32() {
    }

    /** The HANDLE out-parameter as a one-element long array (64-bit Windows). */
    static native boolean OpenProcessToken(Pointer process, int access, long[] token);

    /** The LUID out-parameter (DWORD LowPart, LONG HighPart) as one little-endian long. */
    static native boolean LookupPrivilegeValueW(WString systemName, WString privilege, long[] luid);

    /**
     * TOKEN_PRIVILEGES with one entry as four DWORDs: count, LUID low, LUID high, attributes.
     * Succeeds even when the token lacks the privilege (GetLastError then says ERROR_NOT_ALL_ASSIGNED).
     */
    static native boolean AdjustTokenPrivileges(Pointer token, boolean disableAll, int[] newState, int length,
                                                Pointer previousState, Pointer returnLength);
}
