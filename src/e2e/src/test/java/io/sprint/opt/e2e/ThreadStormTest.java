package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * pin=relay-* attached to a JVM already running 5,000 matching threads (ThreadStorm): every one
 * ends on the dedicated CPU and every other thread off it, with no all-thread stack dump (the
 * 1-second safepoint of Thread.getAllStackTraces), one thread dump for the native ids, and one
 * summary line instead of a line per thread. The application's worst stall is in
 * docs/BENCHMARKS.md (src/bench/storm.sh), not asserted here.
 */
class ThreadStormTest {
    private static final int THREADS = 5000;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void fiveThousandRunningThreadsArePinnedWithoutStallingTheJvm(Jdk jdk, @TempDir Path dir) throws Exception {
        assumeTrue(OsState.isRoot(), "real-time policies need root");
        assumeTrue("0-1".equals(OsState.cpuList(ProcessHandle.current().pid())), "written for CPUs 0-1");
        Path safepoints = dir.resolve("safepoints.log");
        try (Target storm = Target.start(jdk, List.of("-Xlog:safepoint:file=" + safepoints), List.of("-cp",
                Artifacts.APP.toString(), "io.sprint.opt.testapp.ThreadStorm", Integer.toString(THREADS)), Map.of())) {
            storm.awaitStdout("storm ready", Duration.ofSeconds(60));
            String before = Files.readString(safepoints);

            Run attach = Run.cli("attach", Long.toString(storm.pid()), "level=enterprise,pin=relay-*");
            assertEquals(0, attach.exit(), attach.toString());
            assertTrue(attach.out().startsWith("JVM " + storm.pid() + ": level enterprise applied"), attach.out());

            int relays = 0;
            for (String[] thread : OsState.namesAndCpus(storm.pid()).values()) {
                boolean relay = thread[0].startsWith("relay-");
                relays += relay ? 1 : 0;
                assertEquals(relay ? "1" : "0", thread[1], thread[0]);
            }
            assertEquals(THREADS, relays);

            String during = Files.readString(safepoints).substring(before.length());
            assertEquals(0, count(during, "Safepoint \"ThreadDump\""), "no stack walk of every thread:\n" + during);
            assertEquals(1, count(during, "Safepoint \"PrintThreads\""), "one dump for the native ids:\n" + during);
            String log = storm.stderr();
            assertEquals(0, log.lines().filter(l -> l.startsWith("[sprint-opt] pinned relay-")).count(), log);
            assertTrue(log.contains("[sprint-opt] pin: " + THREADS + " running threads matching relay-* pinned (relay-0,"
                    + " relay-1, relay-2, relay-3, relay-4, …): " + THREADS + " on CPU 1 SCHED_RR 10\n"), log);
        }
    }

    private static long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }
}
