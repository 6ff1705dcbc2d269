package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The repository's Dockerfile, built and run in a real Docker engine with CPU, memory and
 * real-time limits; every check is read from outside the JVM: {@code docker exec} inside the
 * container, {@code /proc} of the container's process on the host. The bases come from
 * SPRINT_OPT_BUILD_BASE / SPRINT_OPT_RUNTIME_BASE (src/docker/local-bases.sh, for hosts with no
 * registry; the Dockerfile's public images otherwise). Without an engine the test is skipped
 * ({@link Required}: in CI it fails).
 */
class ContainerTest {
    private static final Path ROOT = Path.of(System.getProperty("sprint.opt.root", "../.."));
    /** Exec'd next to the app without the image's JAVA_TOOL_OPTIONS, as the Kubernetes probe is. */
    private static final String CLI = "unset JAVA_TOOL_OPTIONS; exec java -jar /opt/sprint-opt/sprint-opt.jar ";
    private static final int METRICS = 9464;
    private static final List<String> RELAYS = List.of("relay-0", "relay-1");
    private static ImageFromDockerfile image;

    @BeforeAll
    static void theImage() {
        Required.orSkip("docker", DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine reachable (start dockerd; see docs/TESTING.md)");
        image = new ImageFromDockerfile("sprint-opt-test", false).withDockerfile(ROOT.resolve("Dockerfile"));
        buildArg("BUILD_BASE", "SPRINT_OPT_BUILD_BASE");
        buildArg("RUNTIME_BASE", "SPRINT_OPT_RUNTIME_BASE");
        buildArg("MAVEN_FLAGS", "SPRINT_OPT_MAVEN_FLAGS");
    }

    private static void buildArg(String arg, String variable) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            image.withBuildArg(arg, value);
        }
    }

    /**
     * One CPU (CPU 1, so that "0" cannot pass by accident), half a CPU of quota, 1 GiB, SYS_NICE,
     * IPC_LOCK and a real-time budget: the relay threads run SCHED_RR on the container's CPU, and
     * no thread ever leaves it.
     */
    @Test
    void withTheCapabilitiesAndAnRtBudgetTheRelayThreadsRunRealTimeInsideTheLimits() throws Exception {
        try (GenericContainer<?> container = relayApp(cmd -> cmd.getHostConfig()
                .withCpusetCpus("1")
                .withNanoCPUs(500_000_000L)
                .withMemory(1L << 30)
                .withCapAdd(Capability.SYS_NICE, Capability.IPC_LOCK)
                .withCpuRealtimeRuntime(100_000L))) {
            container.start();
            long pid = hostPid(container);
            Map<String, Long> threads = awaitRelaysPinned(container, pid);

            String json = exec(container, "status 1 --json", 0);
            assertTrue(json.contains("\"cpus_allowed\":\"1\""), json);
            assertTrue(json.contains("\"cpu_quota\":0.5"), json);
            assertTrue(json.contains("\"memory_limit_mb\":1024"), json);
            assertTrue(json.contains("\"num_cpu\":1"), json);
            assertTrue(json.contains("\"pinned_threads\":2"), json);
            assertTrue(json.contains("\\u2192"), "JSON escapes what the container's charset cannot show: " + json);

            assertEveryThreadOn("1", pid, container);
            for (String relay : RELAYS) {
                assertEquals("SCHED_RR 10", OsState.policy(threads.get(relay)), relay);
            }
            assertTrue(OsState.lockedKilobytes(pid) > 0, "VmLck of the container's JVM, read on the host");

            String metrics = Http.get("http://" + container.getHost() + ":" + container.getMappedPort(METRICS)
                    + "/metrics").body();
            assertTrue(metrics.contains("\nruntime_optimization_level 3.0\n"), metrics);
            assertTrue(metrics.contains("\nruntime_pinned_threads 2.0\n"), metrics);
            assertEquals("healthy", exec(container, "health 1", 0).trim());
            assertTrue(exec(container, "verify 1", 0).contains("in force"));

            assertTrue(exec(container, "restore 1", 0).contains("restored"));
            for (String relay : RELAYS) {
                assertEquals("SCHED_OTHER 0", OsState.policy(threads.get(relay)), relay);
            }
            assertEquals(0, OsState.lockedKilobytes(pid));
            assertEveryThreadOn("1", pid, container);
            assertEquals("optimizations not applied", exec(container, "health 1", 1).trim());

            assertStopsOnSigterm(container);
            // for the CI log: what was read, and where
            System.out.printf("ContainerTest, capabilities + RT budget (host pid %d): status cpus_allowed 1, cpu_quota 0.5,"
                    + " memory_limit_mb 1024; every thread Cpus_allowed_list 1 (docker exec and host /proc); relay-0/1"
                    + " SCHED_RR 10 (chrt on the host); VmLck > 0; /metrics via port %d: level 3.0, pinned 2.0; health"
                    + " healthy, verify in force (docker exec); after restore SCHED_OTHER, VmLck 0; docker stop: exit 143%n",
                    pid, container.getMappedPort(METRICS));
        }
    }

    /**
     * Docker's default capabilities and no real-time budget: the relay threads still get a CPU of
     * their own; memory lock, timer slack and the real-time policy are skipped, each naming the
     * docker flag that grants it.
     */
    @Test
    void withoutCapabilitiesEachPrivilegedActionIsSkippedWithTheDockerFlag() throws Exception {
        try (GenericContainer<?> container = relayApp(cmd -> cmd.getHostConfig()
                .withCpusetCpus("0-1")
                .withMemory(1L << 30))) {
            container.start();
            long pid = hostPid(container);
            String logs = container.getLogs();
            assertTrue(logs.contains("memory-lock skipped") && logs.contains("docker run --cap-add IPC_LOCK"), logs);
            assertTrue(logs.contains("timer-slack skipped") && logs.contains("docker run --cap-add SYS_NICE"), logs);
            assertTrue(logs.contains("no CAP_SYS_NICE") && logs.contains("cpu.rt_runtime_us 0")
                    && logs.contains("docker run --cpu-rt-runtime"), "both reasons, both remedies: " + logs);

            Map<String, Long> threads = awaitRelaysPinned(container, pid);
            for (String relay : RELAYS) {
                assertEquals("SCHED_OTHER 0", OsState.policy(threads.get(relay)), relay);
            }
            int relaysOnOne = 0;
            for (String[] thread : OsState.namesAndCpus(pid).values()) {
                boolean relay = RELAYS.contains(thread[0]);
                relaysOnOne += relay ? 1 : 0;
                assertEquals(relay ? "1" : "0", thread[1], thread[0] + (relay ? ": the dedicated CPU"
                        : ": everyone else off the dedicated CPU"));
            }
            assertEquals(RELAYS.size(), relaysOnOne, "both relay threads seen");
            assertEquals("healthy", exec(container, "health 1", 0).trim());
            assertStopsOnSigterm(container);
            System.out.printf("ContainerTest, Docker's default capabilities (host pid %d): memory-lock, timer-slack and RT"
                    + " skipped naming --cap-add IPC_LOCK, --cap-add SYS_NICE and --cpu-rt-runtime; relay-0/1 on CPU 1"
                    + " SCHED_OTHER, tx-source on CPU 0; health healthy; docker stop: exit 143%n", pid);
        }
    }

    private static GenericContainer<?> relayApp(Consumer<CreateContainerCmd> limits) {
        return new GenericContainer<>(image)
                .withCommand("--duration", "5m", "--rate", "2000")
                .withCreateContainerCmdModifier(limits)
                .withExposedPorts(METRICS)
                .waitingFor(Wait.forLogMessage(".*level enterprise applied.*", 1)
                        .withStartupTimeout(Duration.ofMinutes(2)));
    }

    /**
     * The relay threads by name once both are pinned: the level can be applied before the app
     * starts them (the hook pins each as it starts), so the app's own count is awaited.
     */
    private static Map<String, Long> awaitRelaysPinned(GenericContainer<?> container, long pid) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String json = "";
        while (System.nanoTime() < deadline) {
            json = exec(container, "status 1 --json", 0);
            if (json.contains("\"pinned_threads\":" + RELAYS.size())) {
                return OsState.threadsByName(pid);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("relay threads not pinned: " + json);
    }

    /** The app's pid as the host sees it (it is 1 inside). */
    private static long hostPid(GenericContainer<?> container) {
        return container.getContainerInfo().getState().getPidLong();
    }

    private static String exec(GenericContainer<?> container, String cli, int exit) throws Exception {
        Container.ExecResult result = container.execInContainer("sh", "-c", CLI + cli);
        assertEquals(exit, result.getExitCode(), cli + ": " + result.getStdout() + result.getStderr());
        return result.getStdout();
    }

    /** Inside (docker exec) and on the host (/proc of the host pid): every thread on {@code cpus}. */
    private static void assertEveryThreadOn(String cpus, long pid, GenericContainer<?> container) throws Exception {
        Container.ExecResult inside = container.execInContainer("sh", "-c",
                "grep -h Cpus_allowed_list /proc/1/task/*/status | sort | uniq -c");
        assertTrue(inside.getStdout().matches("\\s*\\d+ Cpus_allowed_list:\\s+" + cpus + "\\s*"), inside.getStdout());
        for (String[] thread : OsState.namesAndCpus(pid).values()) {
            assertEquals(cpus, thread[1], thread[0]);
        }
    }

    /** docker stop: SIGTERM, and the JVM exits by itself (143), not killed after the timeout (137). */
    private static void assertStopsOnSigterm(GenericContainer<?> container) {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.stopContainerCmd(container.getContainerId()).withTimeout(20).exec();
        Long exit = docker.inspectContainerCmd(container.getContainerId()).exec().getState().getExitCodeLong();
        assertEquals(143L, exit, container.getLogs());
        assertFalse(container.getLogs().contains("ERROR"), container.getLogs());
    }
}
