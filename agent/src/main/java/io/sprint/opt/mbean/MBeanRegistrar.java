package io.sprint.opt.mbean;

import io.sprint.opt.log.Log;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Puts the MBean into the platform MBeanServer. Creating that server initialises
 * java.util.logging (it registers the Logging MXBean), which breaks applications that pick
 * their own LogManager (java.util.logging.manager) in main. So at start-up, while the
 * application may still choose (see {@link LogManagerChoice}), registration waits until someone
 * else has created the platform server, or until the JVM has run {@link #START_UP_MILLIS}:
 * applications that choose a manager do so first thing in main. The level does not wait for
 * this; only the MBean does.
 */
public final class MBeanRegistrar {
    public static final long START_UP_MILLIS = 1000;
    private static final long POLL_MILLIS = 25;

    private MBeanRegistrar() {
    }

    /** Blocks until registering is safe for the application's logging. */
    public static void awaitApplication() {
        String pending = LogManagerChoice.pending(System::getProperty, ClassLoader.getSystemClassLoader());
        if (pending == null) {
            Log.debug("MBean registered at once: %s=%s is on the class path", LogManagerChoice.PROPERTY,
                    System.getProperty(LogManagerChoice.PROPERTY));
            return;
        }
        Log.debug("MBean waits for the application's logging (up to %d ms of uptime): %s", START_UP_MILLIS, pending);
        try {
            while (ManagementFactory.getRuntimeMXBean().getUptime() < START_UP_MILLIS && !platformServerExists()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void register(OptimizerControl control) {
        try {
            ObjectName name = new ObjectName(OptimizerMBean.OBJECT_NAME);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                Log.warn("%s is already registered (another sprint-opt copy?); this one is not", name);
                return;
            }
            server.registerMBean(new OptimizerMBean(control), name);
            Log.debug("registered %s", name);
        } catch (Exception | LinkageError e) {
            Log.error("JMX registration failed: %s", e);
        }
    }
}
