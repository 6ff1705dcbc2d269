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

    public OsException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public static OsException unsupported(String what) {
        return new OsException(what + " is not supported on " + System.getProperty("os.name"), 0);
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
