package io.sprint.opt.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.sprint.opt.config.Collector;
import io.sprint.opt.jdk.ManagementInternals;
import java.util.Optional;

/**
 * The running JVM's flags through HotSpotDiagnosticMXBean. Reaching this bean does not create
 * the platform MBeanServer, so it does not initialise java.util.logging either.
 */
public final class HotSpotFlags {
    private final HotSpotDiagnosticMXBean bean;

    public HotSpotFlags(HotSpotDiagnosticMXBean bean) {
        this.bean = bean;
    }

    public static HotSpotFlags platform() {
        return new HotSpotFlags(ManagementInternals.hotSpotDiagnostic());
    }

    /** @throws IllegalArgumentException when this JVM has no such flag */
    public String get(String name) {
        return bean.getVMOption(name).getValue();
    }

    public Optional<String> find(String name) {
        try {
            return Optional.of(get(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isOn(String name) {
        return Boolean.parseBoolean(find(name).orElse(null));
    }

    public boolean isManageable(String name) {
        try {
            VMOption option = bean.getVMOption(name);
            return option.isWriteable();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @throws IllegalArgumentException with HotSpot's reason, e.g. a violated constraint */
    public void set(String name, String value) {
        bean.setVMOption(name, value);
    }

    public Collector collector() {
        for (Collector collector : Collector.values()) {
            if (isOn(collector.flag())) {
                return collector;
            }
        }
        return Collector.G1;
    }

    public long maxHeapBytes() {
        return Long.parseLong(get("MaxHeapSize"));
    }
}
