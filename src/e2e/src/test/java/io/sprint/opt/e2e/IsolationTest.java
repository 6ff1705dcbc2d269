package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent's classes and dependencies stay out of the application's way, and JUL stays untouched. */
class IsolationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void anApplicationKeepsItsOwnByteBuddyAndSeesOnlyTheBootClass(Jdk jdk) throws Exception {
        List<String> jvm = List.of(Artifacts.agentArg("level=enterprise"), "-cp", Artifacts.probeClassPath());
        List<String> main = List.of("io.sprint.opt.e2e.probe.ClasspathProbe", "io.sprint.opt.boot.AgentBoot",
                "io.sprint.opt.config.Options", "io.sprint.opt.AgentEntry", "io.sprint.opt.cli.Cli");
        try (Target probe = Target.start(jdk, jvm, main, Map.of())) {
            assertEquals(0, probe.waitFor(Duration.ofSeconds(30)), probe.stderr());
            String out = probe.stdout();
            assertTrue(out.contains("byte-buddy-1.12.19.jar"), out);
            assertTrue(out.contains("made by the app's byte-buddy"), out);
            assertTrue(out.contains("io.sprint.opt.boot.AgentBoot visible"), out);
            assertTrue(out.contains("io.sprint.opt.config.Options hidden"), out);
            assertTrue(out.contains("io.sprint.opt.AgentEntry hidden"), out);
            assertTrue(out.contains("io.sprint.opt.cli.Cli hidden"), out);
            assertTrue(probe.stderr().contains("[sprint-opt] level enterprise applied"), probe.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void premainLeavesJavaUtilLoggingForTheApplicationToChoose(Jdk jdk) throws Exception {
        List<String> jvm = List.of(Artifacts.agentArg("level=turbo"), "-cp", Artifacts.probeClassPath());
        try (Target probe = Target.start(jdk, jvm, List.of("io.sprint.opt.e2e.probe.JulProbe", "30000"), Map.of())) {
            probe.awaitStdout("log manager", Duration.ofSeconds(20));
            assertTrue(probe.stdout().contains("log manager io.sprint.opt.e2e.probe.JulProbe$AppLogManager"),
                    probe.stdout());
            // and the MBean still arrives, once the application has made its choice
            try (Jmx jmx = Jmx.connect(probe.pid())) {
                assertEquals("turbo", jmx.get("Level"));
            }
        }
    }
}
