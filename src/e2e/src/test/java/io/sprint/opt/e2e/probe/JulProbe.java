package io.sprint.opt.e2e.probe;

import java.util.logging.LogManager;

/**
 * An application that picks its own java.util.logging manager in main, as WildFly and JBoss
 * Modules do. If an agent initialised JUL before that, the JDK's default manager is stuck.
 * Arguments: how long to run, then either {@code choose-after LEVEL} (wait until the agent has
 * applied LEVEL, then choose: the agent must have applied it without touching JUL) or
 * {@code preset} (the manager was given with -Djava.util.logging.manager).
 */
public final class JulProbe {
    private JulProbe() {
    }

    /** Its own manager. */
    public static final class AppLogManager extends LogManager {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 2 && args[1].equals("choose-after")) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!args[2].equals(System.getProperty("sprint.opt.level")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            System.out.println("level " + System.getProperty("sprint.opt.level") + " in force before main chose its logging");
            System.setProperty("java.util.logging.manager", AppLogManager.class.getName());
        }
        System.out.println("log manager " + LogManager.getLogManager().getClass().getName());
        Thread.sleep(Long.parseLong(args[0]));
    }
}
