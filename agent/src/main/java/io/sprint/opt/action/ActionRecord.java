package io.sprint.opt.action;

/**
 * One line of the ledger as users see it: {@code heap-free-ratio applied (…40/70 → 10/20)}.
 *
 * @param remedy for an action skipped (or applied in part) for want of privilege, what grants it;
 *     "" otherwise
 */
public record ActionRecord(String name, String target, ActionStatus status, String detail, String remedy) {

    public static ActionRecord applied(String name, String target, String detail) {
        return new ActionRecord(name, target, ActionStatus.APPLIED, detail, "");
    }

    public static ActionRecord skipped(String name, String target, String detail) {
        return new ActionRecord(name, target, ActionStatus.SKIPPED, detail, "");
    }

    /** Skipped because this process lacks a privilege that {@code remedy} grants. */
    public static ActionRecord denied(String name, String target, String why, String remedy) {
        return new ActionRecord(name, target, ActionStatus.SKIPPED, why, remedy == null ? "" : remedy);
    }

    /** Applied, but a part of it was refused for want of privilege that {@code remedy} grants. */
    public static ActionRecord appliedInPart(String name, String target, String detail, String remedy) {
        return new ActionRecord(name, target, ActionStatus.APPLIED, detail, remedy);
    }

    public static ActionRecord failed(String name, String target, String detail) {
        return new ActionRecord(name, target, ActionStatus.FAILED, detail, "");
    }

    public static ActionRecord restored(String name, String target, String detail) {
        return new ActionRecord(name, target, ActionStatus.RESTORED, detail, "");
    }

    /** The detail with the remedy after it, where there is one. */
    public String explained() {
        return remedy.isEmpty() ? detail : detail + "; " + remedy;
    }

    @Override
    public String toString() {
        return name + " " + status + " (" + explained() + ")";
    }
}
