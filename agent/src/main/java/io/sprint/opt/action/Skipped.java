package io.sprint.opt.action;


/** A field of the level that has nothing to act on here, reported with the reason. */
public final class Skipped implements Action {
    private final String name;
    private final String target;
    private final String reason;

    public Skipped(String name, String target, String reason) {
        this.name = name;
        this.target = target;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Plan plan() {
        return Plan.skip(name, target, reason);
    }

    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        return ActionRecord.skipped(name, target, reason);
    }
}
