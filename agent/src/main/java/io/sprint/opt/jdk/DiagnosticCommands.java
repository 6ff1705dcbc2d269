package io.sprint.opt.jdk;

import io.sprint.opt.log.Log;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * HotSpot's diagnostic commands (what {@code jcmd} runs: Thread.print, GC.heap_info), reached
 * without the platform MBeanServer. Creating that server initialises java.util.logging, which
 * fixes the application's {@code java.util.logging.manager} before its main may choose one; the
 * agent applies a level the moment it starts, so it asks the command bean itself. That bean's
 * factory is internal to jdk.management: the agent opens its package to itself alone. Where a
 * JDK no longer has it, the platform server is used after all.
 */
public final class DiagnosticCommands {
    private static final String INTERNAL = "com.sun.management.internal";
    private static volatile DynamicMBean bean;

    private DiagnosticCommands() {
    }

    /** Opens the factory's package to the agent; without it the platform server is used. */
    public static void open(Instrumentation inst) {
        try {
            Module management = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getClass().getModule();
            Module agent = DiagnosticCommands.class.getModule();
            if (!management.isOpen(INTERNAL, agent)) {
                inst.redefineModule(management, Set.of(), Map.of(), Map.of(INTERNAL, Set.of(agent)), Set.of(), Map.of());
            }
        } catch (RuntimeException e) {
            Log.debug("diagnostic commands through the platform MBeanServer: %s", e);
        }
    }

    /** Runs an operation of the DiagnosticCommand MBean that takes a String[] of arguments. */
    public static String run(String operation, String... args) throws JMException {
        Object[] params = {args};
        String[] signature = {String[].class.getName()};
        DynamicMBean direct = bean();
        if (direct != null) {
            return String.valueOf(direct.invoke(operation, params, signature));
        }
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation, params, signature));
    }

    /** The command bean, or null when this JDK does not let the agent have it. */
    private static DynamicMBean bean() {
        DynamicMBean found = bean;
        if (found == null) {
            try {
                // its native methods live in the library that jdk.management's provider loads
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                Method factory = Class.forName(INTERNAL + ".DiagnosticCommandImpl").getDeclaredMethod(
                        "getDiagnosticCommandMBean");
                factory.setAccessible(true);
                found = (DynamicMBean) factory.invoke(null);
                bean = found;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Log.debug("diagnostic commands through the platform MBeanServer: %s", e);
                return null;
            }
        }
        return found;
    }
}
