package io.sprint.opt.action;

/** One line of the ledger as users see it: {@code heap-free-ratio 10-20% applied "…40/70 → 10/20"}. */
public record ActionRecord(String name, String target, ActionStatus status, String detail) {

    public static ActionRecord applied(String name, String target, String detail) {
        return new ActionRecord(name, target, ActionStatus.APPLIED, detail);
    }

    public static ActionRecord skipped(String name, String target, String detail) {
        return new ActionRecord(name, target, ActionStatus.SKIPPED, detail);
    }

    public static ActionRecord failed(String name, String target, String detail) {
        return new ActionRecord(name, target, ActionStatus.FAILED, detail);
    }

    @Override
    public String toString() {
        return name + " " + status + " (" + detail + ")";
    }
}
