import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What reading the agent costs, measured from outside like JConsole and Prometheus do, each side
 * by side with a JMX read of a platform MXBean in the same loop (the baseline), and what the
 * agent's services keep in a JVM.
 *   java src/bench/MetricsCost.java cost PID PORT [READS]   Stats over JMX, GET /metrics
 *   java src/bench/MetricsCost.java footprint PID            heap after full GC, threads, metaspace
 */
public class MetricsCost {
    public static void main(String[] args) throws Exception {
        try (JMXConnector connector = connect(args[1])) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            if (args[0].equals("cost")) {
                cost(server, Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 2000);
            } else {
                footprint(server);
            }
        }
    }

    private static JMXConnector connect(String pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } finally {
            vm.detach();
        }
    }

    private static void cost(MBeanServerConnection server, int port, int reads) throws Exception {
        ObjectName optimizer = new ObjectName("io.sprint.opt:type=Optimizer");
        ObjectName memory = new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        long[] stats = new long[reads];
        long[] platform = new long[reads];
        long[] metrics = new long[reads];
        int bytes = 0;
        for (int round = 0; round < 2; round++) { // the first round warms both JVMs up
            for (int i = 0; i < reads; i++) {
                long t0 = System.nanoTime();
                server.getAttribute(memory, "HeapMemoryUsage");
                long t1 = System.nanoTime();
                server.getAttribute(optimizer, "Stats");
                long t2 = System.nanoTime();
                bytes = http.send(scrape, HttpResponse.BodyHandlers.ofByteArray()).body().length;
                long t3 = System.nanoTime();
                platform[i] = t1 - t0;
                stats[i] = t2 - t1;
                metrics[i] = t3 - t2;
            }
        }
        System.out.printf(Locale.ROOT, "%d reads each, interleaved; median / p99 in ms%n", reads);
        row("JMX read of java.lang:type=Memory HeapMemoryUsage (baseline)", platform, platform);
        row("JMX read of io.sprint.opt:type=Optimizer Stats", stats, platform);
        row("GET /metrics (" + bytes + " bytes)", metrics, platform);
    }

    private static void row(String what, long[] nanos, long[] baseline) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long[] base = baseline.clone();
        Arrays.sort(base);
        System.out.printf(Locale.ROOT, "  %-62s %7.3f / %7.3f   x%.1f of baseline%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length / 2] / (double) base[base.length / 2]);
    }

    private static void footprint(MBeanServerConnection server) throws Exception {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) { // the lowest of five full GCs: the relay app's own garbage varies
            memory.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        long metaspace = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getUsed()).sum();
        java.lang.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server,
                ManagementFactory.THREAD_MXBEAN_NAME, java.lang.management.ThreadMXBean.class);
        String names = Arrays.stream(threads.dumpAllThreads(false, false)).map(t -> t.getThreadName().replace(' ', '_'))
                .sorted().collect(java.util.stream.Collectors.joining(","));
        System.out.printf(Locale.ROOT, "%d %d %d %s%n", used, threads.getThreadCount(), metaspace, names);
    }
}
