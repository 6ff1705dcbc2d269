package io.sprint.opt.cli;

/** A command that ran and failed: exit 1 with this message. */
final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }
}
