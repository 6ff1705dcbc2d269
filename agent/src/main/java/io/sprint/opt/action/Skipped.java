package io.sprint.opt.action;


/** A field of the level that has nothing to act on here, reported with the reason. */
public final class Skipped implements Action {
    private final String name;
    private final String target;
    private final String reason;
    private final String remedy;

    public Skipped(String name, String target, String reason) {
        this(name, target, reason, "");
    }

    /** @param remedy what would let it act, when the reason is a missing privilege */
    public Skipped(String name, String target, String reason, String remedy) {
        this.name = name;
        this.target = target;
        this.reason = reason;
        this.remedy = remedy == null ? "" : remedy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Plan plan() {
        return Plan.skip(name, target, remedy.isEmpty() ? reason : reason + "; " + remedy);
    }

    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        return ActionRecord.denied(name, target, reason, remedy);
    }
}
