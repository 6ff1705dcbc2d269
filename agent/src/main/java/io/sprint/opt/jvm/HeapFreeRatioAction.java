package io.sprint.opt.jvm;

import io.sprint.opt.action.SettingAction;
import io.sprint.opt.config.Collector;
import io.sprint.opt.config.Profile;

/** GC target % as the heap free-ratio band (see {@link Profile#maxHeapFreeRatio()}). */
final class HeapFreeRatioAction extends SettingAction<FreeRatioBand.Band> {
    private final HotSpotFlags flags;
    private final Collector collector;

    HeapFreeRatioAction(HotSpotFlags flags, Profile profile) {
        super("heap-free-ratio", new FreeRatioBand(flags),
                new FreeRatioBand.Band(profile.minHeapFreeRatio(), profile.maxHeapFreeRatio()));
        this.flags = flags;
        this.collector = flags.collector();
    }

    @Override
    protected String skipReason() {
        switch (collector) {
            case G1:
            case SERIAL:
                return null;
            case PARALLEL:
                return flags.isOn("UseAdaptiveSizePolicy")
                        ? "Parallel GC with adaptive sizing ignores the free ratios; launch with"
                        + " -XX:-UseAdaptiveSizePolicy or use G1"
                        : null;
            default:
                return collector + " sizes its heap without MinHeapFreeRatio/MaxHeapFreeRatio";
        }
    }

    @Override
    protected String note() {
        return collector == Collector.G1 ? " (G1 resizes to it after remark and full GC)" : "";
    }
}
