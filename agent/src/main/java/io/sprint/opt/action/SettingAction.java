package io.sprint.opt.action;

/**
 * The common action: bring one {@link Setting} to a target, unless {@link #skipReason()} says
 * this JVM or host cannot honour it.
 */
public abstract class SettingAction<T> implements Action {
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

    @Override
    public Plan plan() {
        String reason = skipReason();
        if (reason != null) {
            return Plan.skip(name, target(), reason);
        }
        try {
            T current = setting.read();
            return Plan.apply(name, target(), setting.key() + " " + setting.format(current) + " → " + target());
        } catch (Exception e) {
            String skip = skipOnError(e);
            return skip != null ? Plan.skip(name, target(), skip)
                    : Plan.fail(name, target(), setting.key() + " cannot be read: " + Ledger.describe(e));
        }
    }

    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        String reason = skipReason();
        if (reason != null) {
            return ActionRecord.skipped(name, target(), reason);
        }
        try {
            return ActionRecord.applied(name, target(), transaction.set(name, setting, target) + note());
        } catch (Exception e) {
            String skip = skipOnError(e);
            if (skip != null) {
                return ActionRecord.skipped(name, target(), skip);
            }
            return ActionRecord.failed(name, target(), setting.key() + " → " + target() + ": " + Ledger.describe(e));
        }
    }

    /**
     * Whether an error means "not possible here" (a missing privilege, an unsupported OS) rather
     * than a failure: the skip detail, with its remedy, or null for a failure.
     */
    protected String skipOnError(Exception e) {
        return null;
    }

    /** Appended to the detail of an applied change, e.g. which collector honours it. */
    protected String note() {
        return "";
    }
}
