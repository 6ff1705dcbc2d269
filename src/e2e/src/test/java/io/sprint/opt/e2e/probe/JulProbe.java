package io.sprint.opt.e2e.probe;

import java.util.logging.LogManager;

/**
 * An application that picks its own java.util.logging manager in main, as WildFly and JBoss
 * Modules do. If an agent initialised JUL before main, the JDK's default manager is stuck.
 */
public final class JulProbe {
    private JulProbe() {
    }

    /** Its own manager. */
    public static final class AppLogManager extends LogManager {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.util.logging.manager", AppLogManager.class.getName());
        System.out.println("log manager " + LogManager.getLogManager().getClass().getName());
        Thread.sleep(Long.parseLong(args[0]));
    }
}
