package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OS side of a level on real JVMs, read from outside: every thread's CPU list with
 * taskset, every thread's timer slack and the process's VmLck from /proc; then restore, and
 * every thread back exactly as it was.
 */
class OsLayerTest {

    @BeforeEach
    void needsLinuxAndTwoCpus() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        assumeTrue(OsState.isRoot(), "reads other processes' timer slack: needs root");
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void attachEnterpriseOnCpu1ThenRestoreEveryThread(Jdk jdk) throws Exception {
        try (Target app = Target.relayApp(jdk, List.of(), 60)) {
            long pid = app.pid();
            Map<Long, String> masksBefore = OsState.affinity(pid);
            Map<Long, Long> slackBefore = OsState.timerSlack(pid);
            assertEquals(0, OsState.lockedKilobytes(pid));

            Run attach = Run.cli("attach", Long.toString(pid), "level=enterprise,cpus=1");
            assertEquals(0, attach.exit(), attach.toString());
            assertTrue(attach.out().matches("(?s).*memory-lock +applied.*"), attach.out());
            assertTrue(attach.out().matches("(?s).*cpu-affinity +applied.*"), attach.out());
            assertTrue(attach.out().matches("(?s).*timer-slack +applied.*"), attach.out());

            OsState.affinity(pid).forEach((tid, cpus) -> assertEquals("1", cpus, "thread " + tid));
            OsState.timerSlack(pid).forEach((tid, slack) -> assertEquals(1L, slack, "thread " + tid));
            assertTrue(OsState.lockedKilobytes(pid) > 0);

            Run restore = Run.cli("restore", Long.toString(pid));
            assertEquals(0, restore.exit(), restore.toString());
            OsState.assertBackAsBefore(pid, masksBefore, slackBefore);
            assertEquals(0, OsState.lockedKilobytes(pid));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void enterpriseAtStartUpReachesEveryThread(Jdk jdk) throws Exception {
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=enterprise,cpus=1")), 60)) {
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals("applied", jmx.action("cpu-affinity").get("status"));
                assertEquals("skipped", jmx.action("thread-pinning").get("status"));
                assertTrue(((String) jmx.action("thread-pinning").get("detail")).startsWith("no threads selected"));
                assertEquals("one NUMA node on this host: nothing to place", jmx.action("numa-placement").get("detail"));
                // what the process may use, not the CPU the agent narrowed it to
                String allowed = OsState.cpuList(ProcessHandle.current().pid());
                assertEquals(allowed, jmx.composite("SystemInfo").get("cpus_allowed"));
                assertEquals(Runtime.getRuntime().availableProcessors(), jmx.composite("Stats").get("num_cpu"));
            }
            long pid = app.pid();
            Map<Long, String> masks = OsState.affinity(pid);
            assertTrue(masks.size() > 10, masks.toString());
            masks.forEach((tid, cpus) -> assertEquals("1", cpus, "thread " + tid));
            OsState.timerSlack(pid).forEach((tid, slack) -> assertEquals(1L, slack, "thread " + tid));
            assertTrue(OsState.lockedKilobytes(pid) > 0);
        }
    }
}
