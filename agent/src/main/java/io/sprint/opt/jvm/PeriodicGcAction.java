package io.sprint.opt.jvm;

import io.sprint.opt.action.SettingAction;
import io.sprint.opt.config.Collector;
import io.sprint.opt.config.Profile;

/**
 * The level's idle-GC interval as G1PeriodicGCInterval: 0 keeps G1 from starting cycles the
 * application did not cause; a positive interval lets an idle JVM give memory back.
 */
final class PeriodicGcAction extends SettingAction<String> {
    private final Collector collector;

    PeriodicGcAction(HotSpotFlags flags, Profile profile) {
        super("g1-periodic-gc", new FlagSetting(flags, "G1PeriodicGCInterval"), Long.toString(profile.idleGcMillis()));
        this.collector = flags.collector();
    }

    @Override
    protected String skipReason() {
        return collector == Collector.G1 ? null
                : collector + " accepts G1PeriodicGCInterval and ignores it; only G1 runs periodic collections";
    }
}
