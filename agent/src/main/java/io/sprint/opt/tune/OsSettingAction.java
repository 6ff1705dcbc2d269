package io.sprint.opt.tune;

import io.sprint.opt.action.Setting;
import io.sprint.opt.action.SettingAction;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;

/**
 * An action on the OS that needs one {@link Capability}: skipped with the OS's reason where the
 * OS lacks it, and with the OS's remedy where the OS refuses it for want of privilege.
 */
abstract class OsSettingAction<T> extends SettingAction<T> {
    protected final Platform os;
    private final Capability capability;

    OsSettingAction(String name, Setting<T> setting, T target, Platform os, Capability capability) {
        super(name, setting, target);
        this.os = os;
        this.capability = capability;
    }

    /** The OS's reason when it lacks the capability; subclasses add their own. */
    @Override
    protected String skipReason() {
        return os.whyNot(capability);
    }

    /** The platform's prediction: this process lacks the privilege for the capability. */
    @Override
    protected Denied deniedHere() {
        String denied = os.denied(capability);
        return denied == null ? null : new Denied(denied, os.remedy(capability));
    }

    @Override
    protected String notPossible(Exception e) {
        return e instanceof OsException && ((OsException) e).isUnsupported() ? e.getMessage() : null;
    }

    @Override
    protected Denied refusedFor(Exception e) {
        return e instanceof OsException && ((OsException) e).lacksPrivilege()
                ? new Denied(e.getMessage(), os.remedy(capability)) : null;
    }
}
