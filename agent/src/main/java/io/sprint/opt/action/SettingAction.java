package io.sprint.opt.action;

/**
 * The common action: bring one {@link Setting} to a target, unless {@link #skipReason()} says
 * this JVM or host cannot honour it.
 */
public abstract class SettingAction<T> implements Action {
    /** Why this process cannot have the change, and what would let it: a skip, not a failure. */
    public record Denied(String why, String remedy) {
        String explained() {
            return remedy == null || remedy.isEmpty() ? why : why + "; " + remedy;
        }
    }

    private final String name;
    private final Setting<T> setting;
    private final T target;

    protected SettingAction(String name, Setting<T> setting, T target) {
        this.name = name;
        this.setting = setting;
        this.target = target;
    }

    /** Why this action does not apply here (with the remedy), or null when it does. */
    protected abstract String skipReason();

    @Override
    public final String name() {
        return name;
    }

    protected final String target() {
        return setting.format(target);
    }

    /**
     * Why this process would be refused the change for want of privilege, predicted without
     * trying (plan never tries; apply does not try what fails loudly); null when it may try.
     */
    protected Denied deniedHere() {
        return null;
    }

    @Override
    public Plan plan() {
        String reason = skipReason();
        if (reason != null) {
            return Plan.skip(name, target(), reason);
        }
        Denied denied = deniedHere();
        if (denied != null) {
            return Plan.skip(name, target(), denied.explained());
        }
        try {
            T current = setting.read();
            return Plan.apply(name, target(), setting.key() + " " + setting.format(current) + " → " + target()
                    + planNote());
        } catch (Exception e) {
            String skip = notPossible(e);
            Denied refused = refusedFor(e);
            return skip != null ? Plan.skip(name, target(), skip)
                    : refused != null ? Plan.skip(name, target(), refused.explained())
                    : Plan.fail(name, target(), setting.key() + " cannot be read: " + Ledger.describe(e));
        }
    }

    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        String reason = skipReason();
        if (reason != null) {
            return ActionRecord.skipped(name, target(), reason);
        }
        Denied denied = deniedHere();
        if (denied != null) {
            return ActionRecord.denied(name, target(), denied.why(), denied.remedy());
        }
        try {
            String change = transaction.set(name, setting, target) + note();
            Denied part = deniedInPart();
            return part == null ? ActionRecord.applied(name, target(), change)
                    : ActionRecord.appliedInPart(name, target(), change + "; " + part.why(), part.remedy());
        } catch (Exception e) {
            String skip = notPossible(e);
            if (skip != null) {
                return ActionRecord.skipped(name, target(), skip);
            }
            Denied refused = refusedFor(e);
            if (refused != null) {
                return ActionRecord.denied(name, target(), refused.why(), refused.remedy());
            }
            return ActionRecord.failed(name, target(), setting.key() + " → " + target() + ": " + Ledger.describe(e));
        }
    }

    /** What of an applied change this process was refused for want of privilege, or null for none. */
    protected Denied deniedInPart() {
        return null;
    }

    /** Whether an error means "not possible on this OS or JVM": the skip detail, or null. */
    protected String notPossible(Exception e) {
        return null;
    }

    /** Whether an error is a refusal for want of privilege: why and the remedy, or null. */
    protected Denied refusedFor(Exception e) {
        return null;
    }

    /** Appended to the detail of a planned change: what decided its target (e.g. CPUs other JVMs hold). */
    protected String planNote() {
        return "";
    }

    /** Appended to the detail of an applied change, e.g. which collector honours it. */
    protected String note() {
        return "";
    }
}
