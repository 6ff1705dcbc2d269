package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent options of the Dockerfile and of the Kubernetes example, exactly as written there
 * (only the jar's path and the port are this machine's), on a real JVM: applied, /metrics
 * served, relay threads pinned; and the example's exec probe, run as written, says healthy
 * without loading the agent into its own JVM. What ContainerTest checks inside a container.
 */
class DeploymentExampleTest {
    private static final Path ROOT = Path.of(System.getProperty("sprint.opt.root", "../.."));
    private static final String JAR_IN_IMAGE = "/opt/sprint-opt/sprint-opt.jar";

    static Stream<Arguments> examples() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Matcher env = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(dockerfile);
        assertTrue(env.find(), "no JAVA_TOOL_OPTIONS in the Dockerfile");
        String yaml = Files.readString(ROOT.resolve("src/k8s/deployment.yaml"));
        Matcher folded = Pattern.compile("name: JAVA_TOOL_OPTIONS\\s+value: >-\\n((?:\\s{16}\\S.*\\n)+)").matcher(yaml);
        assertTrue(folded.find(), "no JAVA_TOOL_OPTIONS in deployment.yaml");
        String k8s = String.join(" ", folded.group(1).trim().split("\\s*\\n\\s*"));
        Matcher probe = Pattern.compile("command: \\[\"sh\", \"-c\", \"([^\"]+)\"\\]").matcher(yaml);
        assertTrue(probe.find(), "no exec probe in deployment.yaml");
        return Jdk.targets().stream().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "Dockerfile", env.group(1), Map.of(), "enterprise", probe.group(1)),
                Arguments.of(jdk, "deployment.yaml", k8s, Map.of("SPRINT_OPT_ENV", "production"), "enterprise",
                        probe.group(1))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void theExamplesOptionsWorkAndTheProbeSaysHealthy(Jdk jdk, String source, String toolOptions,
                                                       Map<String, String> env, String level, String probe)
            throws Exception {
        int port = Http.freePort();
        String options = toolOptions.replace(JAR_IN_IMAGE, Artifacts.AGENT.toString()).replace(":9464", ":" + port);
        assertTrue(options.contains("metrics=0.0.0.0:" + port), options);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("JAVA_TOOL_OPTIONS", options);
        try (Target app = Target.start(jdk, List.of(), List.of("-jar", Artifacts.APP.toString(), "--duration", "60s",
                "--rate", "2000"), environment)) {
            app.awaitStdout("relay app pid", Duration.ofSeconds(20));
            app.awaitStderr("level " + level + " applied", Duration.ofSeconds(20));
            app.awaitPinned("relay-0", Duration.ofSeconds(10));
            assertTrue(Http.await("http://127.0.0.1:" + port + "/metrics", Duration.ofSeconds(10))
                    .contains("\nruntime_optimization_level 3.0\n"));

            // The probe as written, PID 1 being this app; the shell still has JAVA_TOOL_OPTIONS set.
            String command = probe.replace(JAR_IN_IMAGE, Artifacts.AGENT.toString())
                    .replace("exec java ", "exec " + jdk.java() + " ").replaceAll(" 1$", " " + app.pid());
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command);
            builder.environment().put("JAVA_TOOL_OPTIONS", options);
            Run health = Run.of(builder);
            assertEquals(0, health.exit(), health.toString());
            assertEquals("healthy", health.out().trim());
            assertFalse(health.err().contains("Picked up JAVA_TOOL_OPTIONS"), "the probe's JVM loaded the agent: "
                    + health.err());
        }
    }
}
