package io.sprint.opt.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** winmm's timer period calls, by JNA direct mapping. */
final class WinMM {
    static final int TIMERR_NOERROR = 0;

    static {
        Native.register(WinMM.class, NativeLibrary.getInstance("winmm"));
    }

    private WinMM() {
    }

    /** @return TIMERR_NOERROR, or TIMERR_NOCANDO (97) for a period out of range */
    static native int timeBeginPeriod(int milliseconds);

    static native int timeEndPeriod(int milliseconds);
}
