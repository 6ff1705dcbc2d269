package io.sprint.opt.platform.linux;

/** errno as users read it: {@code Operation not permitted (EPERM)}. */
final class Errno {
    private Errno() {
    }

    static String describe(int errno) {
        switch (errno) {
            case 1:
                return "Operation not permitted (EPERM)";
            case 3:
                return "No such process (ESRCH)";
            case 12:
                return "Cannot allocate memory (ENOMEM)";
            case 13:
                return "Permission denied (EACCES)";
            case 14:
                return "Bad address (EFAULT)";
            case 22:
                return "Invalid argument (EINVAL)";
            default:
                return "errno " + errno;
        }
    }
}
