package io.sprint.opt.action;

import java.util.Locale;

public enum ActionStatus {
    APPLIED, SKIPPED, FAILED, RESTORED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
