package io.sprint.opt.jdk;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.sprint.opt.log.Log;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * jdk.management's internal package, opened to the agent alone: the beans behind HotSpot's flags
 * and diagnostic commands, reached without the platform bean machinery. That machinery (platform
 * components, their providers, their lambdas and streams) costs a cold JVM some 20 ms of CPU
 * before the first flag can be read, on JDK 17 and 25 alike; the bean itself costs 2-6 ms.
 * Where a JDK no longer has the package, the agent takes the platform's beans after all.
 */
public final class ManagementInternals {
    static final String PACKAGE = "com.sun.management.internal";
    private static final String MODULE = "jdk.management";

    private ManagementInternals() {
    }

    /** Opens the package to the agent; without it the platform's beans are used. */
    public static void open(Instrumentation inst) {
        try {
            Optional<Module> management = ModuleLayer.boot().findModule(MODULE);
            Module agent = ManagementInternals.class.getModule();
            if (management.isPresent() && !management.get().isOpen(PACKAGE, agent)) {
                inst.redefineModule(management.get(), Set.of(), Map.of(), Map.of(PACKAGE, Set.of(agent)), Set.of(),
                        Map.of());
            }
        } catch (RuntimeException e) {
            Log.debug("jdk.management's beans through the platform: %s", e);
        }
    }

    /** HotSpot's flag bean: the same class the platform hands out, created without the platform. */
    public static HotSpotDiagnosticMXBean hotSpotDiagnostic() {
        try {
            if (opened()) {
                loadNatives();
                return (HotSpotDiagnosticMXBean) Class.forName(PACKAGE + ".HotSpotDiagnostic").getConstructor()
                        .newInstance();
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Log.debug("HotSpot's flags through the platform bean: %s", e);
        }
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    }

    /** Whether {@link #open} has opened the package (diagnostic commands then go straight to HotSpot). */
    public static boolean opened() {
        Optional<Module> management = ModuleLayer.boot().findModule(MODULE);
        return management.isPresent() && management.get().isOpen(PACKAGE, ManagementInternals.class.getModule());
    }

    /**
     * The package's native methods live in management_ext, which its bean provider's class
     * initialisation loads (the provider itself is not created).
     */
    static void loadNatives() throws ClassNotFoundException {
        Class.forName(PACKAGE + ".PlatformMBeanProviderImpl");
    }
}
