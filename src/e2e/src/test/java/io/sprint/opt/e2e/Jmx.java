package io.sprint.opt.e2e;

import com.sun.tools.attach.VirtualMachine;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A plain JMX client, like JConsole: it has no sprint-opt class on its class path and sees the
 * MBean through open types only.
 */
final class Jmx implements AutoCloseable {
    static final String NAME = "io.sprint.opt:type=Optimizer";

    private final JMXConnector connector;
    final MBeanServerConnection server;
    final ObjectName name;

    private Jmx(JMXConnector connector) throws Exception {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.name = new ObjectName(NAME);
    }

    /** Connects and waits up to 10 s for the optimizer MBean (premain registers it off the start-up path). */
    static Jmx connect(long pid) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Jmx jmx = new Jmx(JMXConnectorFactory.connect(new JMXServiceURL(localAgent(pid, deadline))));
        while (!jmx.server.isRegistered(jmx.name)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(NAME + " not registered in " + pid);
            }
            Thread.sleep(50);
        }
        return jmx;
    }

    /** A JVM still starting up can refuse the attach or the agent start: retried until the deadline. */
    private static String localAgent(long pid, long deadline) throws Exception {
        while (true) {
            try {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                try {
                    return vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    Object get(String attribute) throws Exception {
        return server.getAttribute(name, attribute);
    }

    CompositeData composite(String attribute) throws Exception {
        return (CompositeData) get(attribute);
    }

    CompositeData action(String actionName) throws Exception {
        return Arrays.stream((CompositeData[]) get("Actions"))
                .filter(a -> actionName.equals(a.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no action " + actionName));
    }

    Object invoke(String operation, Object... params) throws Exception {
        String[] signature = new String[params.length];
        Arrays.fill(signature, String.class.getName());
        return server.invoke(name, operation, params, signature);
    }

    static Set<String> keys(CompositeData data) {
        return new TreeSet<>(data.getCompositeType().keySet());
    }

    int registrations() throws Exception {
        return server.queryNames(new ObjectName("io.sprint.opt:*"), null).size();
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
