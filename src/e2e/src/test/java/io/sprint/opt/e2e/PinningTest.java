package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * pin=relay-* on real JVMs, read from outside with taskset and chrt: every way of making a
 * thread (see ThreadStylesProbe) ends on the dedicated CPU with a real-time policy, whether it
 * ran before the agent (attach, or before start-up finished) or started after; every other
 * thread stays SCHED_OTHER on the other CPU; restore puts every thread back and later threads
 * are left alone. On this 2-CPU machine the plan is: CPU 1 for relay threads, CPU 0 for the rest.
 */
class PinningTest {
    private static final List<String> STYLES = List.of("relay-plain-", "relay-sub-", "relay-pool-", "relay-self-",
            "relay-later-", "relay-parent-");
    private static final Duration WAVE = Duration.ofSeconds(20);

    @BeforeEach
    void needsLinuxRootAndTwoCpus() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        assumeTrue(OsState.isRoot(), "real-time policies and other threads' timer slack need root");
        assumeTrue("0-1".equals(OsState.cpuList(ProcessHandle.current().pid())), "written for CPUs 0-1");
    }

    private static Target probe(Jdk jdk, List<String> jvmArgs) throws Exception {
        List<String> args = new ArrayList<>(jvmArgs);
        args.addAll(List.of("-cp", Artifacts.probeClassPath()));
        Target probe = Target.start(jdk, args, List.of("io.sprint.opt.e2e.probe.ThreadStylesProbe"), Map.of());
        probe.awaitStdout("probe pid", WAVE);
        return probe;
    }

    private static void wave(Target probe, int wave) throws Exception {
        probe.send("wave " + wave);
        probe.awaitStdout("wave " + wave + " ready", WAVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void atStartUpEveryStyleIsPinnedAndRestoreUndoesIt(Jdk jdk) throws Exception {
        // HotSpot verifies JDK classes too (it does not by default): the woven Thread must pass
        List<String> launch = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal",
                Artifacts.agentArg("level=turbo,pin=relay-*"));
        try (Target probe = probe(jdk, launch)) {
            wave(probe, 1); // most likely before start-up applied the level: found running
            try (Jmx jmx = Jmx.connect(probe.pid())) {
                assertEquals("applied", jmx.action("thread-pinning").get("status"), jmx.action("thread-pinning").toString());
                wave(probe, 2); // through the hook, as they start
                assertPinned(jdk, jmx, probe, List.of(1, 2), "SCHED_RR 10");

                jmx.invoke("restore");
                Map<Long, String> masks = OsState.affinity(probe.pid());
                masks.forEach((tid, cpus) -> assertEquals("0,1", cpus, "thread " + tid));
                assertEveryThread(probe.pid(), "SCHED_OTHER 0");

                wave(probe, 3); // the hook is gone
                assertEquals(0, ((CompositeData[]) jmx.get("PinnedThreads")).length);
                OsState.affinity(probe.pid()).forEach((tid, cpus) -> assertEquals("0,1", cpus, "thread " + tid));
                assertEveryThread(probe.pid(), "SCHED_OTHER 0");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void byAttachRunningThreadsArePinnedThenEveryThreadIsRestored(Jdk jdk) throws Exception {
        try (Target probe = probe(jdk, List.of())) {
            long pid = probe.pid();
            wave(probe, 1);
            Map<Long, String> masksBefore = OsState.affinity(pid);
            Map<Long, Long> slackBefore = OsState.timerSlack(pid);

            // one thread selected: alone on its CPU, so SCHED_FIFO
            Run one = Run.cli("attach", Long.toString(pid), "level=turbo,pin=relay-plain-*");
            assertEquals(0, one.exit(), one.toString());
            long plain = OsState.threadsByName(pid).get("relay-plain-1");
            assertEquals("1", OsState.affinity(pid).get(plain));
            assertEquals("SCHED_FIFO 10", OsState.policy(plain));

            Run all = Run.cli("attach", Long.toString(pid), "level=turbo,pin=relay-*");
            assertEquals(0, all.exit(), all.toString());
            try (Jmx jmx = Jmx.connect(pid)) {
                wave(probe, 2);
                assertPinned(jdk, jmx, probe, List.of(1, 2), "SCHED_RR 10");
            }
            Run status = Run.cli("status", Long.toString(pid));
            assertTrue(status.out().matches("(?s).*pinned threads:\\s+NAME +TID +CPU +POLICY.*relay-sub-2 +\\d+ +1 +SCHED_RR 10.*"),
                    status.out());

            Run restore = Run.cli("restore", Long.toString(pid));
            assertEquals(0, restore.exit(), restore.toString());
            OsState.assertBackAsBefore(pid, masksBefore, slackBefore);
            assertEveryThread(pid, "SCHED_OTHER 0");
        }
    }

    /** Every relay thread of {@code waves} on CPU 1 with {@code policy}; every other thread on CPU 0, SCHED_OTHER. */
    /**
     * {@code flags turbo} recommends -Xss136k, and every thread without a stack size of its own
     * gets it: the agent's threads (class loading, Byte Buddy's weaving) must not overflow.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void theRecommendedTinyStacksDoNotStopTheAgent(Jdk jdk) throws Exception {
        List<String> launch = List.of("-Xss136k", Artifacts.agentArg("level=turbo,pin=relay-*,metrics=" + Http.freePort()
                + ",hiccup=true"));
        try (Target app = Target.relayApp(jdk, launch, 60)) {
            app.awaitPinned("relay-0", Duration.ofSeconds(20));
            app.awaitStderr("level turbo applied", Duration.ofSeconds(10));
            long relay = OsState.threadsByName(app.pid()).get("relay-0");
            assertEquals("1", OsState.affinity(app.pid()).get(relay));
            assertTrue(!app.stderr().contains("StackOverflowError"), app.stderr());
        }
    }

    private static void assertPinned(Jdk jdk, Jmx jmx, Target probe, List<Integer> waves, String policy) throws Exception {
        Set<String> expected = new TreeSet<>();
        for (int wave : waves) {
            STYLES.forEach(style -> expected.add(style + wave));
        }
        Map<String, Long> pinned = new TreeMap<>();
        for (CompositeData row : (CompositeData[]) jmx.get("PinnedThreads")) {
            pinned.put((String) row.get("name"), (Long) row.get("tid"));
            assertEquals(1, row.get("cpu"), row.toString());
            assertEquals(policy, row.get("policy"), row.toString());
        }
        assertEquals(expected, pinned.keySet());
        assertEquals(expected.size(), ((Number) jmx.composite("Stats").get("pinned_threads")).intValue());
        Map<Long, String> masks = OsState.affinity(probe.pid());
        Map<Long, String> notPinned = new HashMap<>();
        for (Map.Entry<Long, String> thread : masks.entrySet()) {
            long tid = thread.getKey();
            if (pinned.containsValue(tid)) {
                assertEquals("1", thread.getValue(), "pinned thread " + tid);
                assertEquals(policy, OsState.policy(tid), "pinned thread " + tid);
            } else {
                notPinned.put(tid, thread.getValue());
                assertEquals("0", thread.getValue(), "thread " + tid + " is on a relay CPU");
                assertPolicy("SCHED_OTHER 0", tid);
            }
        }
        Map<String, Long> byName = OsState.threadsByName(probe.pid());
        for (int wave : waves) {
            for (String bystander : List.of("child-" + wave, "worker-" + wave, "away-" + wave)) {
                assertTrue(notPinned.containsKey(byName.get(bystander)), bystander + " must not be pinned");
            }
        }
        if (jdk.feature() >= 21) {
            int last = waves.get(waves.size() - 1); // started with the hook in
            assertTrue(probe.stderr().contains("relay-virtual-" + last + " is a virtual thread, never pinned"),
                    probe.stderr());
        }
    }

    private static void assertEveryThread(long pid, String policy) throws Exception {
        for (long tid : OsState.threads(pid)) {
            assertPolicy(policy, tid);
        }
    }

    private static void assertPolicy(String expected, long tid) throws Exception {
        String policy = OsState.policy(tid);
        if (policy != null) { // null: ended meanwhile
            assertEquals(expected, policy, "thread " + tid);
        }
    }
}
