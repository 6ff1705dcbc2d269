package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Ulimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The repository's Dockerfile, built and run with {@code --cpuset-cpus}, {@code --cpus} and
 * {@code --memory}: SystemInfo sees the container's limits, and pinning never leaves its CPUs.
 * Skipped without a Docker engine (this project's machines run none); {@link CgroupTest} checks
 * the same behaviour here with a real cgroup v1 group, and {@link DeploymentExampleTest} the
 * image's and the Kubernetes example's agent options and health probe.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerTest {
    private static final Path ROOT = Path.of(System.getProperty("sprint.opt.root", "../.."));
    /** Exec'd next to the app: without the image's JAVA_TOOL_OPTIONS, so the CLI's JVM has no agent. */
    private static final String CLI = "unset JAVA_TOOL_OPTIONS; exec java -jar /opt/sprint-opt/sprint-opt.jar ";

    @Test
    void systemInfoSeesTheLimitsAndPinningStaysInTheCpuset() throws Exception {
        ImageFromDockerfile image = new ImageFromDockerfile("sprint-opt-test", false)
                .withDockerfile(ROOT.resolve("Dockerfile"));
        try (GenericContainer<?> container = new GenericContainer<>(image)
                .withCommand("--duration", "5m", "--rate", "2000")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withCpusetCpus("0")
                        .withNanoCPUs(500_000_000L)
                        .withMemory(1L << 30)
                        .withCapAdd(Capability.SYS_NICE, Capability.IPC_LOCK)
                        .withUlimits(new Ulimit[] {new Ulimit("rtprio", 99L, 99L), new Ulimit("memlock", -1L, -1L)}))
                .withExposedPorts(9464)
                .waitingFor(Wait.forLogMessage(".*level enterprise applied.*", 1)
                        .withStartupTimeout(Duration.ofMinutes(2)))) {
            container.start();

            Container.ExecResult status = container.execInContainer("sh", "-c", CLI + "status 1 --json");
            assertEquals(0, status.getExitCode(), status.getStderr());
            String json = status.getStdout();
            assertTrue(json.contains("\"cpus_allowed\":\"0\""), json);
            assertTrue(json.contains("\"cpu_quota\":0.5"), json);
            assertTrue(json.contains("\"memory_limit_mb\":1024"), json);
            assertTrue(json.contains("\"num_cpu\":1"), json);

            // every thread of the app (PID 1), pinned ones included, on CPU 0 only
            Container.ExecResult cpus = container.execInContainer("sh", "-c",
                    "cat /proc/1/task/*/status | grep Cpus_allowed_list | sort | uniq -c");
            Matcher lines = Pattern.compile("Cpus_allowed_list:\\s+(\\S+)").matcher(cpus.getStdout());
            int seen = 0;
            while (lines.find()) {
                assertEquals("0", lines.group(1), cpus.getStdout());
                seen++;
            }
            assertTrue(seen > 0, cpus.getStdout());
            assertTrue(Target.pinnedLine("relay-0").matcher(container.getLogs()).find(), container.getLogs());

            Container.ExecResult health = container.execInContainer("sh", "-c", CLI + "health 1");
            assertEquals(0, health.getExitCode(), health.getStdout() + health.getStderr());
            assertEquals("healthy", health.getStdout().trim());
            String metrics = Http.get("http://" + container.getHost() + ":" + container.getMappedPort(9464) + "/metrics")
                    .body();
            assertTrue(metrics.contains("\nruntime_optimization_level 3.0\n"), metrics);
        }
    }
}
