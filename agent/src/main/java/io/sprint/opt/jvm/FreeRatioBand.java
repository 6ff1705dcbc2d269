package io.sprint.opt.jvm;

import io.sprint.opt.action.Setting;

/**
 * MinHeapFreeRatio and MaxHeapFreeRatio as one setting, because HotSpot refuses a Min above the
 * current Max (and the reverse): the two writes are ordered so every step is legal, on apply
 * and on restore alike.
 */
final class FreeRatioBand implements Setting<FreeRatioBand.Band> {
    static final String MIN = "MinHeapFreeRatio";
    static final String MAX = "MaxHeapFreeRatio";

    record Band(int min, int max) {
    }

    private final HotSpotFlags flags;

    FreeRatioBand(HotSpotFlags flags) {
        this.flags = flags;
    }

    @Override
    public String key() {
        return MIN + "/" + MAX;
    }

    @Override
    public Band read() {
        return new Band(Integer.parseInt(flags.get(MIN)), Integer.parseInt(flags.get(MAX)));
    }

    @Override
    public void write(Band target) {
        Band current = read();
        if (target.min() <= current.max()) {
            flags.set(MIN, Integer.toString(target.min()));
            flags.set(MAX, Integer.toString(target.max()));
        } else {
            flags.set(MAX, Integer.toString(target.max()));
            flags.set(MIN, Integer.toString(target.min()));
        }
    }

    /** Field by field: a record's own equals is bootstrapped through invokedynamic, slow the first time. */
    @Override
    public boolean same(Band read, Band written) {
        return read.min() == written.min() && read.max() == written.max();
    }

    @Override
    public String format(Band band) {
        return band.min() + "/" + band.max();
    }
}
