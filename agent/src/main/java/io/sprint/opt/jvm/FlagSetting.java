package io.sprint.opt.jvm;

import io.sprint.opt.action.Setting;
import java.util.function.UnaryOperator;

/** One manageable VM flag, read and written as HotSpot prints it. */
final class FlagSetting implements Setting<String> {
    private static final long MB = 1L << 20;

    private final HotSpotFlags flags;
    private final String name;
    private final UnaryOperator<String> display;

    FlagSetting(HotSpotFlags flags, String name) {
        this(flags, name, UnaryOperator.identity());
    }

    private FlagSetting(HotSpotFlags flags, String name, UnaryOperator<String> display) {
        this.flags = flags;
        this.name = name;
        this.display = display;
    }

    /** A byte-size flag, shown in MB where it is a whole number of them. */
    static FlagSetting bytes(HotSpotFlags flags, String name) {
        return new FlagSetting(flags, name, value -> {
            long bytes = Long.parseLong(value);
            return bytes % MB == 0 ? bytes / MB + "M" : value;
        });
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public String read() {
        return flags.get(name);
    }

    @Override
    public void write(String value) {
        flags.set(name, value);
    }

    @Override
    public String format(String value) {
        return display.apply(value);
    }
}
