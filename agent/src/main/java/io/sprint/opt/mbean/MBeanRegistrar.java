package io.sprint.opt.mbean;

import io.sprint.opt.log.Log;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Puts the MBean into the platform MBeanServer. Creating that server initialises
 * java.util.logging (it registers the Logging MXBean), which breaks applications that pick
 * their own LogManager (java.util.logging.manager) in main. So from premain the registration
 * waits: until someone else creates the platform server, or {@link #PREMAIN_DELAY_MILLIS}.
 */
public final class MBeanRegistrar {
    public static final long PREMAIN_DELAY_MILLIS = 1000;
    private static final long POLL_MILLIS = 25;

    private MBeanRegistrar() {
    }

    /** Registers now (dynamic attach: the application is up, its logging chosen). */
    public static void registerNow(OptimizerControl control, Runnable before) {
        before.run();
        register(control);
    }

    /** Registers from a daemon thread, after {@code before} (work kept off the start-up path). */
    public static void registerLater(OptimizerControl control, Runnable before) {
        Thread thread = new Thread(() -> {
            try {
                before.run();
                long deadline = System.nanoTime() + PREMAIN_DELAY_MILLIS * 1_000_000L;
                while (System.nanoTime() < deadline && !platformServerExists()) {
                    Thread.sleep(POLL_MILLIS);
                }
                register(control);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) {
                Log.error("JMX registration failed: %s", e);
            }
        }, "sprint-opt-jmx");
        thread.setDaemon(true);
        thread.start();
    }

    /** Looks without creating: findMBeanServer does not build the platform server. */
    private static boolean platformServerExists() {
        for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
            if (server.isRegistered(runtimeName())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectName runtimeName() {
        try {
            return new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void register(OptimizerControl control) {
        try {
            ObjectName name = new ObjectName(OptimizerMBean.OBJECT_NAME);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                Log.warn("%s is already registered (another sprint-opt copy?); this one is not", name);
                return;
            }
            server.registerMBean(new OptimizerMBean(control), name);
            Log.debug("registered %s", name);
        } catch (Exception e) {
            Log.error("JMX registration failed: %s", e);
        }
    }
}
