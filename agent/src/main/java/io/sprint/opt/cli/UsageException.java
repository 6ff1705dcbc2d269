package io.sprint.opt.cli;

/** A command line that cannot be run: exit 2 with this one-line reason and the usage. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String reason) {
        super(reason);
    }
}
