package io.sprint.opt.platform;

/**
 * A system call that failed, with its errno (0 when there is none) and the text users see,
 * e.g. {@code mlockall: Cannot allocate memory (errno 12)}.
 */
public final class OsException extends Exception {
    public static final int EPERM = 1;
    public static final int ESRCH = 3;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final boolean unsupported;

    public OsException(String message, int errno) {
        this(message, errno, false);
    }

    private OsException(String message, int errno, boolean unsupported) {
        super(message);
        this.errno = errno;
        this.unsupported = unsupported;
    }

    /** What this OS (or this build of the OS layer) cannot do at all. */
    public static OsException unsupported(String what, String os) {
        return new OsException(what + " is not supported on " + os, 0, true);
    }

    /** The whole OS layer is missing here, for {@code reason}. */
    static OsException unavailable(String reason) {
        return new OsException(reason, 0, true);
    }

    public boolean isUnsupported() {
        return unsupported;
    }

    public int errno() {
        return errno;
    }

    /** The thread is gone: not an error when walking a JVM's threads. */
    public boolean noSuchThread() {
        return errno == ESRCH;
    }

    /** Missing capability or limit: a skip with a remedy, not a failure. */
    public boolean lacksPrivilege() {
        return errno == EPERM || errno == EACCES || errno == ENOMEM;
    }
}
