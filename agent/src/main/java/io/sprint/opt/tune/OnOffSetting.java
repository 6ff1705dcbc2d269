package io.sprint.opt.tune;

import io.sprint.opt.action.Setting;

/** A setting that is on or off, shown with words that say which (locked, hg). */
abstract class OnOffSetting implements Setting<Boolean> {
    private final String on;
    private final String off;

    OnOffSetting(String on, String off) {
        this.on = on;
        this.off = off;
    }

    @Override
    public final String format(Boolean value) {
        return value ? on : off;
    }

    @Override
    public final boolean same(Boolean read, Boolean written) {
        return read.booleanValue() == written.booleanValue();
    }
}
