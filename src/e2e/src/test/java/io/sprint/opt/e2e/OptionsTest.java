package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Agent options as a user gives them at start-up: bad ones, strict, auto, chains, a config file. */
class OptionsTest {
    private static final List<String> HELLO = List.of("-cp", Artifacts.APP.toString(), "io.sprint.opt.testapp.Hello");

    private static Target hello(Jdk jdk, String options, Map<String, String> env) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseG1GC", Artifacts.agentArg(options)));
        jvm.addAll(HELLO.subList(0, 2));
        return Target.start(jdk, jvm, HELLO.subList(2, 3), env);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aBadOptionIsOneLineAndTheApplicationRunsUnchanged(Jdk jdk) throws Exception {
        try (Target app = hello(jdk, "level=turbp", Map.of())) {
            assertEquals(0, app.waitFor(Duration.ofSeconds(30)));
            assertEquals("hello\n", app.stdout());
            assertEquals("[sprint-opt] ERROR option level=turbp is not valid: level takes basic, standard, aggressive,"
                    + " enterprise, turbo, auto, or a chain such as turbo>enterprise>basic; nothing applied, the"
                    + " application runs unchanged\n", app.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void strictStopsStartUpWithOneLine(Jdk jdk) throws Exception {
        try (Target app = hello(jdk, "level=turbp,strict=true", Map.of())) {
            assertEquals(1, app.waitFor(Duration.ofSeconds(30)));
            assertEquals("", app.stdout(), "main never ran");
            assertEquals("[sprint-opt] strict=true: option level=turbp is not valid: level takes basic, standard,"
                    + " aggressive, enterprise, turbo, auto, or a chain such as turbo>enterprise>basic; the JVM does"
                    + " not start\n", app.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void autoReadsSprintOptEnv(Jdk jdk) throws Exception {
        List<String> jvm = List.of(Artifacts.agentArg("level=auto"), "-jar", Artifacts.APP.toString());
        try (Target app = Target.start(jdk, jvm, List.of("--duration", "60s"), Map.of("SPRINT_OPT_ENV", "hft"))) {
            app.awaitStdout("relay app pid", Duration.ofSeconds(20));
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("turbo", jmx.get("Level"));
            }
            assertTrue(app.stderr().startsWith("[sprint-opt] level auto: SPRINT_OPT_ENV=hft → turbo\n"
                    + "[sprint-opt] level turbo applied:"), app.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aConfigFileUnderCommandLineOverrides(Jdk jdk, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("relay.properties"), "level=standard\ngc=25\nlog=debug\n");
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("config=" + config + ",gc=100")), 60)) {
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("standard", jmx.get("Level"));
            }
            assertEquals("25", VmFlags.read(jdk, app.pid()).get("MinHeapFreeRatio"), "gc=100 from the command line");
            assertTrue(app.stderr().contains("ms level standard: heap-free-ratio applied"),
                    app.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void quietLogsNothingWhenAllIsWell(Jdk jdk) throws Exception {
        List<String> jvm = List.of(Artifacts.agentArg("level=turbo>enterprise>basic,log=quiet"));
        try (Target app = Target.relayApp(jdk, jvm, 60)) {
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("turbo", jmx.get("Level"));
            }
            assertEquals("", app.stderr());
        }
    }

    /** A FIFO blocks whoever opens it for reading until a writer comes: the agent never opens one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aFifoAsConfigIsOneLineAndNeitherStartUpNorAttachWaitsForIt(Jdk jdk, @TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("sprint-opt.properties");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        try (Target app = hello(jdk, "config=" + fifo, Map.of())) {
            assertEquals(0, app.waitFor(Duration.ofSeconds(30)), "the application ran to its end");
            assertEquals("hello\n", app.stdout());
            assertEquals("[sprint-opt] ERROR option config=" + fifo + " is not valid: it is not a regular file (a FIFO,"
                    + " socket or device); config takes the path of a regular file of key=value lines, at most 64 KiB,"
                    + " that only its owner (the JVM's user or root) may write; nothing applied, the application runs"
                    + " unchanged\n", app.stderr());
        }
        try (Target app = Target.relayApp(jdk, List.of(), 60)) {
            Run attach = Run.cli("attach", Long.toString(app.pid()), "config=" + fifo);
            assertEquals(2, attach.exit(), attach.toString());
            assertTrue(attach.err().startsWith("sprint-opt: option config=" + fifo + " is not valid: it is not a"
                    + " regular file"), attach.err());
        }
    }
}
