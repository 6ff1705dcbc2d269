package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dedicated CPUs come from the pool (cpuset ∩ online), not the start-up mask: {@code taskset -c 0}
 * stands for {@code isolcpus=1} on this 2-CPU host (every process starts without CPU 1, its
 * cpuset still allows it), and CPU 1 is the one the relay threads get. Two relay JVMs never get
 * the same dedicated CPU: a per-CPU lock the kernel drops when the holder dies. Everything read
 * from outside: taskset, chrt, /proc/TID/timerslack_ns, /proc/TID/numa_maps, /proc/locks.
 */
class CpuPoolTest {
    private static final Path V1_CPUSET = Path.of("/sys/fs/cgroup/cpuset");
    private static final Duration APPLIED = Duration.ofSeconds(30);
    private final String cgroup = "sprint-opt-pool-" + ProcessHandle.current().pid();
    private Path locks;

    @BeforeEach
    void needsRootAndCpus0And1() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        assumeTrue(OsState.isRoot(), "real-time policies and other threads' timer slack need root");
        assumeTrue("0-1".equals(OsState.cpuList(ProcessHandle.current().pid())), "written for CPUs 0-1");
        locks = Files.createTempDirectory("sprint-opt-locks");
    }

    @AfterEach
    void removeLocksAndCgroup() throws Exception {
        try (Stream<Path> files = Files.walk(locks)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        OsState.removeCgroup(V1_CPUSET.resolve(cgroup));
    }

    private String pinOptions() {
        return "level=turbo,pin=relay-*,locks=" + locks;
    }

    private static Target relayApp(List<String> launcher, Jdk jdk, List<String> jvmArgs) throws Exception {
        Target target = Target.start(launcher, jdk, jvmArgs, List.of("-jar", Artifacts.APP.toString(), "--duration",
                "120s", "--rate", "1000"), Map.of());
        target.awaitStdout("relay app pid", Duration.ofSeconds(30));
        return target;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void startedUnderTasksetTheRelayThreadsGetTheCpuTheMaskLeftOut(Jdk jdk) throws Exception {
        List<String> taskset = List.of("taskset", "-c", "0");
        try (Target app = relayApp(taskset, jdk, List.of(Artifacts.agentArg(pinOptions() + ",cpus=1")))) {
            app.awaitStderr("level turbo applied", APPLIED);
            try (Jmx jmx = Jmx.connect(app.pid())) {
                CompositeData info = jmx.composite("SystemInfo");
                assertEquals("0-1", info.get("cpu_pool"));
                assertEquals("0", info.get("cpus_allowed"));
                CompositeData pinning = jmx.action("thread-pinning");
                assertEquals("applied", pinning.get("status"), pinning.toString());
                assertTrue(((String) pinning.get("detail")).contains("CPUs 1 (rest 0)"), pinning.toString());
            }
            awaitRelaysPinned(app);
            assertRelayThreadsAloneOn("1", "0", app.pid());
            assertEquals(List.of(app.pid()), lockHolders(locks.resolve("cpu-1.lock")));

            Run restore = Run.cli("restore", Long.toString(app.pid()));
            assertEquals(0, restore.exit(), restore.toString());
            // before the agent, the launcher's mask, SCHED_OTHER, the default slack and memory policy
            OsState.affinity(app.pid()).forEach((tid, cpus) -> assertEquals("0", cpus, "thread " + tid));
            assertEveryThread(app.pid(), "SCHED_OTHER 0", 50_000L, "default");
            assertEquals(List.of(), lockHolders(locks.resolve("cpu-1.lock")), "released on restore");
        }
    }

    /**
     * The same in a cgroup v1 cpuset 0-1 with start mask 0, by attach, with every thread's mask,
     * policy, slack and memory policy read before and compared after restore.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void inACpusetByAttachThenRestoredExactly(Jdk jdk) throws Exception {
        assumeTrue(Files.isWritable(V1_CPUSET), "needs a writable cgroup v1 cpuset hierarchy");
        Path dir = V1_CPUSET.resolve(cgroup);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cpuset.cpus"), "0-1");
        Files.writeString(dir.resolve("cpuset.mems"), "0");
        List<String> launcher = List.of("sh", "-c", "echo $$ > " + dir.resolve("tasks") + " && exec taskset -c 0 \"$@\"",
                "sh");
        try (Target app = relayApp(launcher, jdk, List.of())) {
            long pid = app.pid();
            Map<Long, String> masks = OsState.affinity(pid);
            Map<Long, Long> slack = OsState.timerSlack(pid);
            Map<Long, String> policies = policies(pid);
            Map<Long, String> memory = memoryPolicies(pid);

            Run attach = Run.cli("attach", Long.toString(pid), pinOptions());
            assertEquals(0, attach.exit(), attach.toString());
            assertRelayThreadsAloneOn("1", "0", pid);
            try (Jmx jmx = Jmx.connect(pid)) {
                assertEquals("0-1", jmx.composite("SystemInfo").get("cpu_pool"));
            }

            Run restore = Run.cli("restore", Long.toString(pid));
            assertEquals(0, restore.exit(), restore.toString());
            OsState.assertBackAsBefore(pid, masks, slack);
            policies(pid).forEach((tid, policy) -> assertEquals(policies.getOrDefault(tid, policies.get(pid)), policy,
                    "thread " + tid));
            memoryPolicies(pid).forEach((tid, policy) -> assertEquals(memory.getOrDefault(tid, memory.get(pid)), policy,
                    "thread " + tid));
            assertEquals(List.of(), lockHolders(locks.resolve("cpu-1.lock")));
        }
    }

    /**
     * Two relay JVMs started together: one holds CPU 1 (whichever locked it first), the other
     * never runs a relay thread there and names the holder; kill -9 of the holder frees CPU 1 at
     * once, and attach gives it to the other.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void twoRelayJvmsNeverShareTheDedicatedCpu(Jdk jdk) throws Exception {
        List<String> agent = List.of(Artifacts.agentArg(pinOptions()));
        try (Target a = relayApp(List.of(), jdk, agent); Target b = relayApp(List.of(), jdk, agent)) {
            a.awaitStderr("level turbo applied", APPLIED);
            b.awaitStderr("level turbo applied", APPLIED);
            List<Long> holders = lockHolders(locks.resolve("cpu-1.lock"));
            assertEquals(1, holders.size(), "one holder of CPU 1: " + holders);
            Target first = holders.get(0) == a.pid() ? a : b;
            Target second = first == a ? b : a;
            String firstPid = Long.toString(first.pid());

            awaitRelaysPinned(first);
            assertRelayThreadsAloneOn("1", "0", first.pid());
            OsState.namesAndCpus(second.pid()).forEach((tid, thread) -> assertEquals("0", thread[1],
                    thread[0] + " (" + tid + ") of the second JVM"));
            try (Jmx jmx = Jmx.connect(second.pid())) {
                String detail = (String) jmx.action("thread-pinning").get("detail");
                assertTrue(detail.matches(".*CPUs? 1 (held|taken) by pid " + firstPid + "\\b.*"), detail);
            }
            Run status = Run.cli("status", Long.toString(second.pid()));
            assertTrue(status.out().contains("pid " + firstPid), status.toString());
            Run plan = Run.cli("plan", pinOptions());
            assertEquals(0, plan.exit(), plan.toString());
            assertTrue(plan.out().contains("CPUs 1 held by pid " + firstPid), plan.out());

            first.kill();
            assertEquals(List.of(), lockHolders(locks.resolve("cpu-1.lock")), "the kernel dropped the dead JVM's lock");
            Run attach = Run.cli("attach", Long.toString(second.pid()), pinOptions());
            assertEquals(0, attach.exit(), attach.toString());
            assertRelayThreadsAloneOn("1", "0", second.pid());
            assertEquals(List.of(second.pid()), lockHolders(locks.resolve("cpu-1.lock")));

            Run restore = Run.cli("restore", Long.toString(second.pid()));
            assertEquals(0, restore.exit(), restore.toString());
            OsState.affinity(second.pid()).forEach((tid, cpus) -> assertEquals("0,1", cpus, "thread " + tid));
            assertEquals(List.of(), lockHolders(locks.resolve("cpu-1.lock")));
            assertFalse(second.stderr().contains("Exception"), second.stderr());
        }
    }

    /** The level can be in force before the app starts its relay threads, which then pin themselves. */
    private static void awaitRelaysPinned(Target app) throws Exception {
        app.awaitPinned("relay-0", APPLIED);
        app.awaitPinned("relay-1", APPLIED);
    }

    /** Every relay-N thread alone with the others of its JVM on {@code relayCpus}, every other thread on {@code rest}. */
    private static void assertRelayThreadsAloneOn(String relayCpus, String rest, long pid) throws Exception {
        int relays = 0;
        for (Map.Entry<Long, String[]> thread : OsState.namesAndCpus(pid).entrySet()) {
            String name = thread.getValue()[0];
            boolean relay = name.matches("relay-\\d+");
            relays += relay ? 1 : 0;
            assertEquals(relay ? relayCpus : rest, thread.getValue()[1], name + " (" + thread.getKey() + ")");
            if (relay) {
                assertEquals("SCHED_RR 10", OsState.policy(thread.getKey()), name + ": two relays share CPU 1");
            }
        }
        assertEquals(2, relays, "the relay app's two relay threads");
    }

    private static void assertEveryThread(long pid, String policy, long slack, String memoryPolicy) throws Exception {
        policies(pid).forEach((tid, p) -> assertEquals(policy, p, "thread " + tid));
        OsState.timerSlack(pid).forEach((tid, s) -> assertEquals(slack, s, "thread " + tid));
        memoryPolicies(pid).forEach((tid, p) -> assertEquals(memoryPolicy, p, "thread " + tid));
    }

    private static Map<Long, String> policies(long pid) throws Exception {
        Map<Long, String> policies = new TreeMap<>();
        for (long tid : OsState.threads(pid)) {
            String policy = OsState.policy(tid);
            if (policy != null) {
                policies.put(tid, policy);
            }
        }
        return policies;
    }

    /**
     * Each thread's memory policy as /proc/PID/task/TID/numa_maps shows it for a mapping without
     * one of its own (the first: the java launcher's text): "default", "prefer:0", …
     */
    private static Map<Long, String> memoryPolicies(long pid) throws IOException {
        Map<Long, String> policies = new TreeMap<>();
        for (long tid : OsState.threads(pid)) {
            Path maps = Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "numa_maps");
            try (Stream<String> lines = Files.lines(maps)) {
                lines.findFirst().ifPresent(line -> policies.put(tid, line.split(" ")[1]));
            } catch (IOException e) {
                // ended meanwhile
            }
        }
        return policies;
    }

    /** The pids holding a lock on {@code file}, from /proc/locks (matched by inode). */
    private static List<Long> lockHolders(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String inode = ":" + Files.getAttribute(file, "unix:ino") + " ";
        return Files.readAllLines(Path.of("/proc/locks")).stream().filter(line -> line.contains(inode))
                .map(line -> Long.parseLong(line.trim().split("\\s+")[4])).sorted().toList();
    }
}
