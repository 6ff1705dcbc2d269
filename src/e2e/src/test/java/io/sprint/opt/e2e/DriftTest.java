package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Is it still in force?": turbo with pin=relay-* on the relay app, then from outside an operator's
 * {@code taskset}, {@code chrt} and {@code jcmd VM.set_flag}. {@code verify} must list exactly
 * those three and exit 1; health and {@code runtime_optimization_drift} must say so;
 * {@code drift=reapply} must put all three back within an interval, read back with taskset, chrt
 * and jcmd; {@code verify} then exits 0.
 */
class DriftTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void verifyListsWhatAnOperatorChangedAndReapplyPutsItBack(Jdk jdk) throws Exception {
        assumeTrue(OsState.isRoot(), "chrt to SCHED_FIFO and taskset of another user's threads need root");
        int port = Http.freePort();
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=turbo,pin=relay-*,metrics=" + port)),
                120)) {
            app.awaitStderr("level turbo applied", Duration.ofSeconds(20));
            String pid = Long.toString(app.pid());
            Run clean = Run.cli("verify", pid);
            assertEquals(0, clean.exit(), "right after apply, threads started since included: " + clean);
            assertTrue(clean.out().startsWith("JVM " + pid + ": level turbo in force ("), clean.out());

            long relay = relayThread(app.pid());
            String policy = Run.of(List.of("chrt", "-p", Long.toString(relay))).out();
            assertEquals(0, Run.of(List.of("taskset", "-pc", "0,1", Long.toString(relay))).exit());
            assertEquals(0, Run.of(List.of("chrt", "-o", "-p", "0", Long.toString(relay))).exit());
            Run flag = Run.of(List.of(jdk.jcmd(), pid, "VM.set_flag", "MaxHeapFreeRatio", "70"));
            assertEquals(0, flag.exit(), flag.toString());

            Run drifted = Run.cli("verify", pid);
            assertEquals(1, drifted.exit(), drifted.toString());
            List<String> lines = driftLines(drifted.out());
            String name = threadName(app.pid(), relay);
            assertEquals(3, lines.size(), drifted.out());
            assertTrue(lines.contains("pinned CPU of thread " + name + " (" + relay + "): applied 1, now 0-1"),
                    drifted.out());
            assertTrue(lines.stream().anyMatch(l -> l.matches("pinned policy of thread " + name + " \\(" + relay
                    + "\\): applied SCHED_(FIFO|RR) 10, now SCHED_OTHER.*")), drifted.out());
            assertTrue(lines.contains("MinHeapFreeRatio/MaxHeapFreeRatio: applied 4/9, now 4/70"), drifted.out());

            Run json = Run.cli("verify", pid, "--json");
            assertEquals(1, json.exit());
            assertTrue(json.out().contains("\"in_force\":false"), json.out());
            Run health = Run.cli("health", pid);
            assertEquals(1, health.exit(), health.toString());
            assertTrue(health.out().contains("3 setting(s) drifted from level turbo"), health.out());
            assertTrue(Http.get("http://127.0.0.1:" + port + "/metrics").body()
                    .contains("runtime_optimization_drift 3.0"), "the metric counts the last check's drift");

            Run watch = Run.cli("attach", pid, "level=turbo,pin=relay-*,metrics=" + port
                    + ",drift=reapply,drift.interval=1");
            assertEquals(0, watch.exit(), watch.toString());
            app.awaitStderr("drift: put back", Duration.ofSeconds(10));
            assertEquals(Long.toString(relay) + "'s current affinity list: 1",
                    Run.of(List.of("taskset", "-pc", Long.toString(relay))).out().trim().replaceFirst("^pid ", ""));
            assertEquals(policy, Run.of(List.of("chrt", "-p", Long.toString(relay))).out());
            assertTrue(Run.of(List.of(jdk.jcmd(), pid, "VM.flags", "-all")).out()
                    .matches("(?s).*uintx MaxHeapFreeRatio +:?= 9 .*"), "MaxHeapFreeRatio back to 9");
            Run again = Run.cli("verify", pid);
            assertEquals(0, again.exit(), again.toString());

            Run restore = Run.cli("restore", pid);
            assertEquals(0, restore.exit(), restore.toString());
            Thread.sleep(1500);
            assertTrue(app.stderr().contains("drift watch off"), "restore stops the watch");
            assertEquals(0, Run.cli("verify", pid).exit(), "nothing applied, nothing drifted");
        }
    }

    private static long relayThread(long pid) throws Exception {
        for (Map.Entry<String, Long> thread : OsState.threadsByName(pid).entrySet()) {
            if (thread.getKey().startsWith("relay-")) {
                return thread.getValue();
            }
        }
        throw new AssertionError("no relay thread in " + OsState.threadsByName(pid));
    }

    private static String threadName(long pid, long tid) throws Exception {
        for (Map.Entry<String, Long> thread : OsState.threadsByName(pid).entrySet()) {
            if (thread.getValue() == tid) {
                return thread.getKey();
            }
        }
        return "?";
    }

    private static List<String> driftLines(String out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("  ")) {
                lines.add(line.trim());
            }
        }
        return lines;
    }
}
