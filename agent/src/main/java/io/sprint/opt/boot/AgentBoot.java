package io.sprint.opt.boot;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The only class of sprint-opt the application can see (the jar sits on its class path with
 * {@code -javaagent}). It creates the agent's own class loader and hands over; everything else,
 * dependencies included, is hidden in the jar as {@code inst/**.classdata}.
 *
 * <p>Contract with {@code io.sprint.opt.core.AgentEntry}: it never throws, except an
 * {@link IllegalStateException} when {@code strict=true} wants start-up or attach to fail.
 */
public final class AgentBoot {
    private static final String ENTRY = "io.sprint.opt.core.AgentEntry";
    private static final String CLI = "io.sprint.opt.cli.Cli";
    private static IsolatedClassLoader loader;

    private AgentBoot() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    public static void main(String[] args) {
        int code;
        try {
            Method run = loader().loadClass(CLI).getMethod("run", String[].class);
            code = (Integer) run.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            System.err.println("sprint-opt: " + e.getCause());
            code = 1;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("sprint-opt: broken jar: " + e);
            code = 1;
        }
        System.exit(code);
    }

    // Serialised: a second attach while the first is still starting must not race it.
    private static synchronized void start(String args, Instrumentation inst, boolean attached) {
        Method start;
        try {
            start = loader().loadClass(ENTRY)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("[sprint-opt] ERROR agent not started, the application runs unchanged: " + e);
            return;
        }
        try {
            start.invoke(null, args, inst, attached);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalStateException) {
                if (attached) {
                    throw (IllegalStateException) e.getCause(); // fails the attach, not the JVM
                }
                // A premain exception makes the JVM abort (SIGABRT, maybe a core dump); strict
                // asked for the JVM not to start, which is an orderly exit.
                System.err.println("[sprint-opt] " + e.getCause().getMessage() + "; the JVM does not start");
                System.exit(1);
            }
            System.err.println("[sprint-opt] ERROR agent failed, the application runs unchanged: " + e.getCause());
        } catch (IllegalAccessException e) {
            System.err.println("[sprint-opt] ERROR agent not started, the application runs unchanged: " + e);
        }
    }

    private static synchronized IsolatedClassLoader loader() {
        if (loader == null) {
            loader = new IsolatedClassLoader(jarPath());
        }
        return loader;
    }

    private static Path jarPath() {
        try {
            return Path.of(AgentBoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate sprint-opt.jar", e);
        }
    }
}
