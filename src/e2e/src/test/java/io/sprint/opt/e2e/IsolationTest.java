package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void anApplicationKeepsItsOwnByteBuddyAndJnaAndSeesOnlyTheBootClass(Jdk jdk) throws Exception {
        // pin= makes the agent load its own Byte Buddy (1.18) and weave Thread; -Xlog:cds shows whether
        // class data sharing stayed on for the application's classes
        List<String> jvm = List.of(Artifacts.agentArg("level=enterprise,pin=relay-*"), "-Xshare:auto", "-Xlog:cds=info:stderr",
                "-cp", Artifacts.probeClassPath());
        List<String> main = List.of("io.sprint.opt.e2e.probe.ClasspathProbe", "3000", "io.sprint.opt.boot.AgentBoot",
                "io.sprint.opt.config.Options", "io.sprint.opt.core.AgentEntry", "io.sprint.opt.cli.Cli", "com.sun.jna.Native");
        try (Target probe = Target.start(jdk, jvm, main, Map.of())) {
            probe.awaitStdout("com.sun.jna.Native", Duration.ofSeconds(20));
            try (Jmx jmx = Jmx.connect(probe.pid())) {
                assertEquals("enterprise", jmx.get("Level"));
                // the agent's own JNA (5.17.0) did its work beside the application's (5.13.0)
                assertEquals("applied", jmx.action("memory-lock").get("status"), jmx.action("memory-lock").toString());
                assertEquals("applied", jmx.action("cpu-affinity").get("status"));
                assertEquals("applied", jmx.action("thread-pinning").get("status"),
                        jmx.action("thread-pinning").toString());
            }
            assertEquals(0, probe.waitFor(Duration.ofSeconds(30)), probe.stderr());
            String out = probe.stdout();
            assertTrue(out.contains("jna 5.13.0 getpid " + probe.pid()), out);
            assertTrue(out.contains("jna 5.13.0 getpid again " + probe.pid()), out);
            assertTrue(out.contains("byte-buddy-1.12.19.jar"), out);
            assertTrue(out.contains("made by the app's byte-buddy"), out);
            assertTrue(out.contains("io.sprint.opt.boot.AgentBoot visible"), out);
            assertTrue(out.contains("io.sprint.opt.config.Options hidden"), out);
            assertTrue(out.contains("io.sprint.opt.core.AgentEntry hidden"), out);
            assertTrue(out.contains("io.sprint.opt.cli.Cli hidden"), out);
            assertTrue(out.contains("com.sun.jna.Native visible"), "the application's own JNA: " + out);
            assertTrue(probe.stderr().contains("[sprint-opt] level enterprise applied"), probe.stderr());
            assertFalse(probe.stderr().contains("WARNING"), probe.stderr());
            assertFalse(probe.stderr().contains("bootstrap classpath has been appended"), probe.stderr());
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
