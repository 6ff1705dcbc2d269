package io.sprint.opt.cli;

import com.sun.tools.attach.VirtualMachine;
import io.sprint.opt.core.SystemProperties;
import io.sprint.opt.mbean.OptimizerMBean;
import java.io.IOException;
import java.util.Properties;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A running JVM reached through the attach API: its system properties, agent loading, and a
 * local JMX connection. Uses only JDK types, so what it reads is what any JMX client reads.
 */
final class TargetJvm implements AutoCloseable {
    /** A premain-loaded agent registers its MBean up to a second after start; allow for that. */
    private static final long MBEAN_WAIT_MILLIS = 5000;

    private final String pid;
    private final VirtualMachine vm;
    private JMXConnector connector;

    private TargetJvm(String pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    static String checkPid(String pid) throws UsageException {
        if (!pid.matches("[0-9]+")) {
            throw new UsageException("'" + pid + "' is not a process id");
        }
        return pid;
    }

    static TargetJvm attach(String pid) throws CommandException {
        try {
            return new TargetJvm(pid, VirtualMachine.attach(pid));
        } catch (Exception e) {
            throw new CommandException("cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (is it a JVM of this user, and still running?)");
        }
    }

    Properties systemProperties() throws IOException {
        return vm.getSystemProperties();
    }

    boolean agentLoaded() throws IOException {
        return systemProperties().getProperty(SystemProperties.VERSION) != null;
    }

    void loadAgent(String jar, String options) throws Exception {
        vm.loadAgent(jar, options);
    }

    /** The optimizer MBean, waiting briefly for a premain agent to register it. */
    MBeanServerConnection optimizer() throws CommandException {
        try {
            if (!agentLoaded()) {
                throw new CommandException("sprint-opt is not loaded in JVM " + pid
                        + "; load it with: java -jar sprint-opt.jar attach " + pid + " level=…");
            }
            if (connector == null) {
                connector = JMXConnectorFactory.connect(new JMXServiceURL(localAgent()));
            }
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(OptimizerMBean.OBJECT_NAME);
            long deadline = System.currentTimeMillis() + MBEAN_WAIT_MILLIS;
            while (!connection.isRegistered(name)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new CommandException("JVM " + pid + " has sprint-opt but no " + OptimizerMBean.OBJECT_NAME);
                }
                Thread.sleep(50);
            }
            return connection;
        } catch (CommandException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted");
        } catch (Exception e) {
            throw new CommandException("cannot reach JMX in JVM " + pid + ": " + e);
        }
    }

    /** A JVM still starting up can fail to start its JMX agent: retried for a few seconds. */
    private String localAgent() throws Exception {
        long deadline = System.currentTimeMillis() + MBEAN_WAIT_MILLIS;
        while (true) {
            try {
                return vm.startLocalManagementAgent();
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static ObjectName name() {
        try {
            return new ObjectName(OptimizerMBean.OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (connector != null) {
                connector.close();
            }
        } catch (IOException ignored) {
            // closing a local connection to a JVM that may have exited
        }
        try {
            vm.detach();
        } catch (IOException ignored) {
            // same
        }
    }
}
