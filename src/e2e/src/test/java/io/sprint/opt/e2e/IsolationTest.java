package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * The level is applied at once (JNA, a thread dump, everything), yet an application that
     * chooses its manager in main, after the level is in force, still gets it: the agent's
     * dependencies never reach JUL, and the MBean waits for the application's choice.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void premainLeavesJavaUtilLoggingForTheApplicationToChoose(Jdk jdk) throws Exception {
        List<String> jvm = List.of(Artifacts.agentArg("level=turbo,pin=main"), "-cp", Artifacts.probeClassPath());
        List<String> main = List.of("io.sprint.opt.e2e.probe.JulProbe", "30000", "choose-after", "turbo");
        try (Target probe = Target.start(jdk, jvm, main, Map.of())) {
            probe.awaitStdout("log manager", Duration.ofSeconds(30));
            assertTrue(probe.stdout().contains("level turbo in force before main chose its logging"), probe.stdout());
            assertTrue(probe.stdout().contains("log manager io.sprint.opt.e2e.probe.JulProbe$AppLogManager"),
                    probe.stdout());
            // and the MBean still arrives, once the application has made its choice
            try (Jmx jmx = Jmx.connect(probe.pid())) {
                assertEquals("turbo", jmx.get("Level"));
                assertEquals("applied", jmx.action("thread-pinning").get("status"));
            }
        }
    }

    /** A manager named on the command line and on the class path: nothing to wait for. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aManagerOnTheClassPathLetsTheMBeanRegisterAtOnce(Jdk jdk) throws Exception {
        List<String> jvm = List.of(Artifacts.agentArg("level=turbo,log=debug"),
                "-Djava.util.logging.manager=io.sprint.opt.e2e.probe.JulProbe$AppLogManager",
                "-cp", Artifacts.probeClassPath());
        try (Target probe = Target.start(jdk, jvm, List.of("io.sprint.opt.e2e.probe.JulProbe", "30000"), Map.of())) {
            probe.awaitStdout("log manager", Duration.ofSeconds(20));
            assertTrue(probe.stdout().contains("log manager io.sprint.opt.e2e.probe.JulProbe$AppLogManager"),
                    probe.stdout());
            try (Jmx jmx = Jmx.connect(probe.pid())) {
                assertEquals("turbo", jmx.get("Level"));
            }
            assertTrue(probe.stderr().contains("ms MBean registered at once: java.util.logging.manager="
                    + "io.sprint.opt.e2e.probe.JulProbe$AppLogManager is on the class path"), probe.stderr());
        }
    }

    /**
     * Started as WildFly starts: JBoss Modules' main class, the manager named on the command line
     * but loadable only from a module. The MBean waits; the application gets its manager.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aJBossModulesStartGetsItsOwnManager(Jdk jdk, @TempDir Path dir) throws Exception {
        Path classes = Path.of("target/test-classes");
        Path boot = dir.resolve("boot");
        Path module = dir.resolve("module");
        copy(classes, boot, "org/jboss/modules/Main.class");
        copy(classes, module, "io/sprint/opt/e2e/probe/ModuleLogManager.class");
        List<String> jvm = List.of(Artifacts.agentArg("level=turbo,log=debug"),
                "-Djava.util.logging.manager=io.sprint.opt.e2e.probe.ModuleLogManager", "-cp", boot.toString());
        try (Target probe = Target.start(jdk, jvm, List.of("org.jboss.modules.Main", module.toString(), "30000"),
                Map.of())) {
            probe.awaitStdout("log manager", Duration.ofSeconds(20));
            assertTrue(probe.stdout().contains("log manager io.sprint.opt.e2e.probe.ModuleLogManager"), probe.stdout());
            try (Jmx jmx = Jmx.connect(probe.pid())) {
                assertEquals("turbo", jmx.get("Level"));
            }
            assertTrue(probe.stderr().contains("ms MBean waits for the application's logging (up to 1000 ms"
                    + " of uptime): the application is started by JBoss Modules"), probe.stderr());
        }
    }

    private static void copy(Path from, Path to, String file) throws IOException {
        Files.createDirectories(to.resolve(file).getParent());
        Files.copy(from.resolve(file), to.resolve(file));
    }
}
