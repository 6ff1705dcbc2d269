package io.sprint.opt.mbean;

import java.util.function.UnaryOperator;

/**
 * Whether the application may still choose its java.util.logging manager. Creating the platform
 * MBeanServer initialises JUL, and the JDK's LogManager reads {@code java.util.logging.manager}
 * only then, once: the MBean must not be registered while the application could still set that
 * property or make its manager class loadable (JBoss Modules and WildFly do both in main).
 */
final class LogManagerChoice {
    static final String PROPERTY = "java.util.logging.manager";

    private LogManagerChoice() {
    }

    /**
     * @param property the system properties ({@code sun.java.command} included)
     * @param system the loader the JDK's LogManager tries first
     * @return why registering now could take the choice away, or null when it cannot
     */
    static String pending(UnaryOperator<String> property, ClassLoader system) {
        if (startedByJBossModules(property.apply("sun.java.command"))) {
            return "the application is started by JBoss Modules, which chooses the java.util.logging manager in main";
        }
        String manager = property.apply(PROPERTY);
        if (manager == null || manager.isBlank()) {
            return PROPERTY + " is not set: the application may set it in main";
        }
        try {
            Class.forName(manager.trim(), false, system);
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return PROPERTY + "=" + manager + " is not on the class path yet: the application loads it later";
        }
    }

    /** Its main class, or its jar ({@code java -jar jboss-modules.jar}, as WildFly starts). */
    private static boolean startedByJBossModules(String command) {
        if (command == null) {
            return false;
        }
        String main = command.strip().split(" ", 2)[0];
        String file = main.substring(main.lastIndexOf('/') + 1);
        return main.equals("org.jboss.modules.Main") || file.startsWith("jboss-modules") && file.endsWith(".jar");
    }
}
