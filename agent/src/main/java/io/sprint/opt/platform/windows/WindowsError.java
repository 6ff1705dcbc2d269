package io.sprint.opt.platform.windows;

import io.sprint.opt.platform.OsException;

/**
 * A failed Windows call as the OS layer reports failures: the error named as users read it, and
 * mapped to the errno whose meaning the actions act on (a missing privilege is a skip with its
 * remedy; a thread that is gone is passed over).
 */
final class WindowsError {
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INVALID_PARAMETER = 87;
    static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    static final int ERROR_NO_SYSTEM_RESOURCES = 1450;
    static final int ERROR_WORKING_SET_QUOTA = 1453;

    private WindowsError() {
    }

    static OsException of(String call, int code) {
        return new OsException(call + ": " + describe(code), errno(code));
    }

    static int errno(int code) {
        switch (code) {
            case ERROR_ACCESS_DENIED:
                return OsException.EACCES;
            case ERROR_PRIVILEGE_NOT_HELD:
                return OsException.EPERM;
            case ERROR_NO_SYSTEM_RESOURCES:
            case ERROR_WORKING_SET_QUOTA:
                return OsException.ENOMEM;
            default:
                return 0;
        }
    }

    static String describe(int code) {
        switch (code) {
            case ERROR_ACCESS_DENIED:
                return "Access is denied (ERROR_ACCESS_DENIED)";
            case ERROR_INVALID_PARAMETER:
                return "The parameter is incorrect (ERROR_INVALID_PARAMETER)";
            case ERROR_PRIVILEGE_NOT_HELD:
                return "A required privilege is not held by the client (ERROR_PRIVILEGE_NOT_HELD)";
            case ERROR_NO_SYSTEM_RESOURCES:
                return "Insufficient system resources exist to complete the requested service"
                        + " (ERROR_NO_SYSTEM_RESOURCES)";
            case ERROR_WORKING_SET_QUOTA:
                return "Insufficient quota to complete the requested service (ERROR_WORKING_SET_QUOTA)";
            default:
                return "error " + code;
        }
    }
}
