package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sprint-opt's JFR events in a recording started with {@code jcmd JFR.start} across an attach, a
 * pin, a stall, a drift and a restore, read back with the JDK's own {@code jfr print}: each with
 * its fields, from event classes that live in the agent's isolated class loader; and the hiccup
 * log, read by HdrHistogram's own HistogramLogProcessor.
 */
class FlightEventsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void aRecordingShowsWhatSprintOptDid(Jdk jdk) throws Exception {
        assumeTrue(OsState.isRoot(), "taskset of the relay thread");
        Path dump = Files.createTempFile("sprint-opt", ".jfr");
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=basic")), 120)) {
            String pid = Long.toString(app.pid());
            Run start = Run.of(List.of(jdk.jcmd(), pid, "JFR.start", "name=sprint"));
            assertEquals(0, start.exit(), start.toString());
            Run attach = Run.cli("attach", pid, "level=turbo,pin=relay-*,hiccup=true");
            assertEquals(0, attach.exit(), attach.toString());

            assertEquals(0, Run.of(List.of("kill", "-STOP", pid)).exit());
            Thread.sleep(50);
            assertEquals(0, Run.of(List.of("kill", "-CONT", pid)).exit());
            long relay = relayThread(app.pid());
            assertEquals(0, Run.of(List.of("taskset", "-pc", "0,1", Long.toString(relay))).exit());
            assertEquals(1, Run.cli("verify", pid).exit());
            assertEquals(0, Run.cli("restore", pid).exit());
            Run dumped = Run.of(List.of(jdk.jcmd(), pid, "JFR.dump", "name=sprint", "filename=" + dump));
            assertEquals(0, dumped.exit(), dumped.toString());
        }
        Run print = Run.of(List.of(jdk.home().resolve("bin/jfr").toString(), "print", "--events", "io.sprint.opt.*",
                dump.toString()));
        Files.delete(dump);
        String events = print.out().replaceAll("\\s+", " ");
        assertTrue(events.matches(".*io\\.sprint\\.opt\\.Action \\{ startTime = [^=]+ action = \"cpu-affinity\" target = "
                + "\"every thread 0\" status = \"applied\" detail = \"[^\"]*\".*"), "applied: " + print.out());
        assertTrue(events.matches(".*io\\.sprint\\.opt\\.Action \\{ startTime = [^=]+ action = \"cpu-affinity\" target = "
                + "\"[^\"]*\" status = \"restored\".*"), "restored");
        assertTrue(events.matches(".*io\\.sprint\\.opt\\.ThreadPin \\{ startTime = [^=]+ change = \"pinned\" name = "
                + "\"relay-\\d+\" tid = \\d+ cpu = 1 policy = \"SCHED_(FIFO|RR) 10\".*"), "pinned");
        assertTrue(events.contains("change = \"unpinned\""), "unpinned by restore");
        assertTrue(events.matches(".*io\\.sprint\\.opt\\.Drift \\{ startTime = [^=]+ change = \"found\" setting = "
                + "\"pinned CPU\" applied = \"1\" now = \"0-1\" thread = \"relay-\\d+\" tid = " + "\\d+.*"), "drift");
        assertTrue(events.matches(".*io\\.sprint\\.opt\\.Hiccup \\{ startTime = [^=]+ stall = "
                + "\\d+(\\.\\d+)? ms.*"), "the 50 ms SIGSTOP as a hiccup");
        assertTrue(events.contains("io.sprint.opt.Level { startTime"), "the level at a chunk's start or end");
    }

    private static long relayThread(long pid) throws Exception {
        for (Map.Entry<String, Long> thread : OsState.threadsByName(pid).entrySet()) {
            if (thread.getKey().startsWith("relay-")) {
                return thread.getValue();
            }
        }
        throw new AssertionError("no relay thread");
    }

    /** hiccup.log=: HdrHistogram's own HistogramLogProcessor reads the intervals the agent wrote. */
    @Test
    void theHiccupLogIsReadByHistogramLogProcessor() throws Exception {
        Jdk jdk = Jdk.targets().get(0);
        Path log = Files.createTempFile("hiccups", ".hlog");
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=basic,hiccup.log=" + log)), 12)) {
            assertEquals(0, app.waitFor(Duration.ofSeconds(40)), app.stderr());
            assertTrue(app.stderr().contains("hiccup log: interval histograms every 5 s to " + log), app.stderr());
        }
        Run processor = Run.of(List.of(jdk.java(), "-cp", System.getProperty("java.class.path"),
                "org.HdrHistogram.HistogramLogProcessor", "-i", log.toString(), "-outputValueUnitRatio", "1e6"));
        Files.delete(log);
        assertEquals(0, processor.exit(), processor.toString());
        Matcher total = Pattern.compile("Total count += +(\\d+)").matcher(processor.out());
        assertTrue(total.find(), processor.out());
        assertTrue(Long.parseLong(total.group(1)) > 1000, "a sample a millisecond over 10 s and more: " + total.group());
        assertTrue(processor.out().contains("#[Max     ="), processor.out());
    }
}
