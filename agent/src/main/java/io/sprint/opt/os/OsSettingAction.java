package io.sprint.opt.os;

import io.sprint.opt.action.Setting;
import io.sprint.opt.action.SettingAction;
import io.sprint.opt.platform.OsException;

/**
 * An action on the OS: a refusal for want of privilege (when a remedy is given), or an
 * unsupported OS, is a skip.
 */
abstract class OsSettingAction<T> extends SettingAction<T> {
    private final String remedy;

    OsSettingAction(String name, Setting<T> setting, T target, String remedy) {
        super(name, setting, target);
        this.remedy = remedy;
    }

    @Override
    protected String skipOnError(Exception e) {
        if (e instanceof OsException) {
            OsException os = (OsException) e;
            if (remedy != null && os.lacksPrivilege()) {
                return os.getMessage() + "; " + remedy;
            }
            if (os.isUnsupported()) {
                return os.getMessage();
            }
        }
        return null;
    }
}
