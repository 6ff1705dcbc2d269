package io.sprint.opt.action;

/**
 * Thrown by {@link Setting#write} when the platform has no undo for a change. Restore reports
 * the setting as skipped with this message, which says what was left.
 */
public final class Irreversible extends Exception {
    private static final long serialVersionUID = 1L;

    public Irreversible(String whatIsLeft) {
        super(whatIsLeft);
    }
}
