package io.sprint.opt.jvm;

import io.sprint.opt.action.SettingAction;
import io.sprint.opt.config.Collector;
import io.sprint.opt.config.Profile;

/** Memory limit % as SoftMaxHeapSize, a share of MaxHeapSize (Go's soft memory limit). */
final class SoftMaxHeapAction extends SettingAction<String> {
    private static final long MB = 1L << 20;
    private final Collector collector;

    SoftMaxHeapAction(HotSpotFlags flags, Profile profile) {
        super("soft-max-heap", FlagSetting.bytes(flags, "SoftMaxHeapSize"), target(flags, profile));
        this.collector = flags.collector();
    }

    private static String target(HotSpotFlags flags, Profile profile) {
        long bytes = flags.maxHeapBytes() / 100 * profile.memPercent();
        return Long.toString(Math.max(MB, bytes / MB * MB));
    }

    @Override
    protected String skipReason() {
        if (collector == Collector.ZGC || collector == Collector.SHENANDOAH) {
            return null;
        }
        return collector + " on JDK " + Runtime.version().feature() + " ignores SoftMaxHeapSize"
                + " (ZGC and Shenandoah honour it); launch with -XX:+UseZGC to use it";
    }
}
