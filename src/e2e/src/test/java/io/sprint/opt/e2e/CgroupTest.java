package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JVM in a real cgroup (v1: cpuset 1, CPU quota half a CPU, memory limit 1 GB), as a
 * container would put it: SystemInfo shows the limits, n follows them, and no thread is ever
 * given a CPU outside the cpuset. (The Testcontainers tests check the same inside Docker.)
 */
class CgroupTest {
    private static final Path V1 = Path.of("/sys/fs/cgroup");
    private final String name = "sprint-opt-e2e-" + ProcessHandle.current().pid();

    @BeforeEach
    void createCgroups() throws Exception {
        assumeTrue(OsState.isRoot(), "creating cgroups needs root");
        assumeTrue(Files.isWritable(V1.resolve("cpuset")) && Files.isWritable(V1.resolve("cpu"))
                && Files.isWritable(V1.resolve("memory")), "needs a writable cgroup v1 hierarchy (cpuset, cpu, memory)");
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        Files.createDirectories(dir("cpuset"));
        Files.writeString(dir("cpuset").resolve("cpuset.cpus"), "1");
        Files.writeString(dir("cpuset").resolve("cpuset.mems"), "0");
        Files.createDirectories(dir("cpu"));
        Files.writeString(dir("cpu").resolve("cpu.cfs_period_us"), "100000");
        Files.writeString(dir("cpu").resolve("cpu.cfs_quota_us"), "50000");
        Files.createDirectories(dir("memory"));
        Files.writeString(dir("memory").resolve("memory.limit_in_bytes"), Long.toString(1L << 30));
    }

    @AfterEach
    void removeCgroups() throws Exception {
        for (String controller : List.of("cpuset", "cpu", "memory")) {
            OsState.removeCgroup(dir(controller));
        }
    }

    /** A shell line that moves itself into the test's cgroups, then runs its arguments. */
    private String join() {
        return "for c in cpuset cpu memory; do echo $$ > " + V1 + "/$c/" + name + "/tasks; done && exec \"$@\"";
    }

    /** The relay app with the agent's {@code options}, inside the test's cgroups, once it runs. */
    private Target relayAppInCgroup(Jdk jdk, String options) throws Exception {
        Target target = Target.start(List.of("sh", "-c", join(), "sh"), jdk, List.of(Artifacts.agentArg(options)),
                List.of("-jar", Artifacts.APP.toString(), "--duration", "60s", "--rate", "1000"), Map.of());
        target.awaitStdout("relay app pid", Duration.ofSeconds(30));
        return target;
    }

    private Path dir(String controller) {
        return V1.resolve(controller).resolve(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void limitsAreSeenAndNoThreadLeavesTheCpuset(Jdk jdk) throws Exception {
        // cpus=0 lies outside the cgroup's cpuset: it must be refused, not obeyed
        try (Target target = relayAppInCgroup(jdk, "level=enterprise,cpus=0")) {
            try (Jmx jmx = Jmx.connect(target.pid())) {
                CompositeData info = jmx.composite("SystemInfo");
                assertEquals("1", info.get("cpus_allowed"));
                assertEquals(0.5, (Double) info.get("cpu_quota"), 1e-9);
                assertEquals(1024L, info.get("memory_limit_mb"));
                assertEquals(1, info.get("num_cpu"));
                assertEquals(2, jmx.composite("Stats").get("max_threads"), "enterprise: 2n with n = 1");
                CompositeData affinity = jmx.action("cpu-affinity");
                assertEquals("skipped", affinity.get("status"));
                assertEquals("CPUs 0 are outside the CPUs this process may use (1)", affinity.get("detail"));
            }
            OsState.affinity(target.pid()).forEach((tid, cpus) -> assertEquals("1", cpus, "thread " + tid));
            Run plan = Run.of(List.of("sh", "-c", join(), "sh", jdk.java(), "-jar", Artifacts.AGENT.toString(),
                    "plan", "level=turbo"));
            assertEquals(0, plan.exit(), plan.toString());
            assertTrue(plan.out().contains("(1 CPUs,"), plan.out());
            assertTrue(plan.out().matches("(?s).*\n  cpu-affinity +would apply +every thread 1\n.*"), plan.out());
        }
    }

    /**
     * A new cgroup gets no real-time time (cpu.rt_runtime_us 0 where RT group scheduling is built
     * in, as on this kernel and in Docker without --cpu-rt-runtime): the kernel refuses RT policies
     * even to root, and the agent says why. Given a budget, the same threads get SCHED_RR.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void withOneUsableCpuPinnedThreadsStayInTheCpusetAndGetRtOnlyWithTheCgroupsRtBudget(Jdk jdk) throws Exception {
        Path rtRuntime = dir("cpu").resolve("cpu.rt_runtime_us");
        assumeTrue(Files.exists(rtRuntime), "no RT group scheduling in this kernel");
        try (Target target = relayAppInCgroup(jdk, "level=turbo,pin=relay-*")) {
            try (Jmx jmx = Jmx.connect(target.pid())) {
                CompositeData pinning = jmx.action("thread-pinning");
                assertEquals("skipped", pinning.get("status"), "no CPU to give, no RT allowed: " + pinning);
                assertEquals("no CPU to dedicate: 1 usable, 1 kept for the rest of the JVM; no real-time policy: this"
                        + " process's cpu cgroup has cpu.rt_runtime_us 0", pinning.get("detail"));
                assertTrue(((String) pinning.get("remedy")).contains("docker run --cpu-rt-runtime=950000"),
                        pinning.toString());
                assertEquals(0, ((CompositeData[]) jmx.get("PinnedThreads")).length);
                assertEquals(false, jmx.composite("SystemInfo").get("rt_capable"));
            }
            assertTrue(target.stderr().contains("WARN level turbo: thread-pinning skipped (no CPU to dedicate: 1 usable,"
                    + " 1 kept for the rest of the JVM; no real-time policy: this process's cpu cgroup has"
                    + " cpu.rt_runtime_us 0); this process's cpu cgroup has"), target.stderr());
            OsState.affinity(target.pid()).forEach((tid, cpus) -> assertEquals("1", cpus, "thread " + tid));

            Files.writeString(rtRuntime, "100000");
            Run again = Run.cli("attach", Long.toString(target.pid()), "level=turbo,pin=relay-*,rt.priority=11");
            assertEquals(0, again.exit(), again.toString());
            assertEquals("SCHED_RR 11", OsState.policy(OsState.threadsByName(target.pid()).get("relay-0")));
            OsState.affinity(target.pid()).forEach((tid, cpus) -> assertEquals("1", cpus, "thread " + tid));
        }
    }
}
