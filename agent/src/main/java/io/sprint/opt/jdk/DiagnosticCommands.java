package io.sprint.opt.jdk;

import io.sprint.opt.log.Log;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * HotSpot's diagnostic commands (what {@code jcmd} runs: Thread.print, GC.heap_info), reached
 * without the platform MBeanServer. Creating that server initialises java.util.logging, which
 * fixes the application's {@code java.util.logging.manager} before its main may choose one; the
 * agent applies a level the moment it starts, so it runs the command through the command bean's
 * own executor. Both are internal to jdk.management: the agent opens their package to itself
 * alone ({@link ManagementInternals}). Where a JDK no longer has them, the platform server is used
 * after all.
 */
public final class DiagnosticCommands {
    private static Object bean;
    private static Method execute;
    private static boolean unavailable;

    private DiagnosticCommands() {
    }

    /**
     * Runs a diagnostic command given as jcmd spells it ({@code Thread.print}, {@code GC.heap_info})
     * and returns its output. Straight to HotSpot where the JDK allows: the command bean's own
     * invoke first describes every command the JVM has (some 30 ms, once).
     */
    public static String run(String command) throws JMException {
        Object direct = bean();
        if (direct != null) {
            try {
                return String.valueOf(execute.invoke(direct, command));
            } catch (ReflectiveOperationException | RuntimeException e) {
                Log.debug("diagnostic command %s through the platform MBeanServer: %s", command, e);
            }
        }
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation(command),
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }

    /** The MBean's name for a command: {@code GC.heap_info} is {@code gcHeapInfo}. */
    static String operation(String command) {
        StringBuilder name = new StringBuilder();
        boolean first = true;
        for (String part : command.split("[._]")) {
            name.append(first ? part.toLowerCase(Locale.ROOT)
                    : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            first = false;
        }
        return name.toString();
    }

    /** The command bean, or null when this JDK does not let the agent have it. */
    private static synchronized Object bean() {
        if (bean == null && !unavailable) {
            try {
                ManagementInternals.loadNatives();
                Class<?> type = Class.forName(ManagementInternals.PACKAGE + ".DiagnosticCommandImpl");
                Method factory = type.getDeclaredMethod("getDiagnosticCommandMBean");
                factory.setAccessible(true);
                Method executor = type.getDeclaredMethod("executeDiagnosticCommand", String.class);
                executor.setAccessible(true);
                execute = executor;
                bean = factory.invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Log.debug("diagnostic commands through the platform MBeanServer: %s", e);
                unavailable = true;
            }
        }
        return bean;
    }
}
