package org.jboss.modules;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.logging.LogManager;

/**
 * Starts like JBoss Modules (WildFly's launcher): java.util.logging.manager is given on the
 * command line, but its class is in a module, not on the class path; main makes the module's
 * loader the context loader, where the JDK's LogManager finds it, and starts logging.
 * Arguments: the module's directory, how long to run. Only this class is on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        URLClassLoader module = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
                Main.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(module);
        System.out.println("log manager " + LogManager.getLogManager().getClass().getName());
        Thread.sleep(Long.parseLong(args[1]));
    }
}
