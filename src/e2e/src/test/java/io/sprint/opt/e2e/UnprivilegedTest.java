package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JVM as nobody, every capability dropped, RLIMIT_MEMLOCK 64 kB and RLIMIT_RTPRIO 0: what
 * needs privilege is skipped with the errno text and the remedy, what does not (affinity of
 * one's own threads) is applied, and the application runs on.
 */
class UnprivilegedTest {
    private static final String DROP = "ulimit -l 64 && ulimit -r 0 && exec setpriv --reuid=nobody --regid=nogroup"
            + " --clear-groups --inh-caps=-all --bounding-set=-all -- \"$@\"";

    /** The relay app for {@code seconds} as nobody with the agent's {@code options}; skips where that cannot be done. */
    private static Target relayAppAsNobody(Jdk jdk, String options, int seconds) throws Exception {
        assumeTrue(OsState.isRoot(), "dropping to nobody needs root");
        assumeTrue(new File("/usr/bin/setpriv").canExecute(), "needs setpriv (util-linux)");
        return Target.start(List.of("sh", "-c", DROP, "sh"), jdk, List.of(Artifacts.agentArg(options)),
                List.of("-jar", Artifacts.APP.toString(), "--duration", seconds + "s", "--rate", "2000"), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void withoutPrivilegesTheLevelDegradesAndTheApplicationRunsOn(Jdk jdk) throws Exception {
        try (Target target = relayAppAsNobody(jdk, "level=enterprise,cpus=1,log=debug", 5)) {
            target.awaitStdout("relay app pid", Duration.ofSeconds(20));
            long pid = target.pid(); // sh exec'd setpriv, which exec'd java: one process
            assertEquals("nobody", ProcessHandle.of(pid).orElseThrow().info().user().orElse("?"));
            target.awaitStdout("delivered", Duration.ofSeconds(30));
            assertEquals(0, target.waitFor(Duration.ofSeconds(30)), target.stderr());

            String log = target.stderr();
            assertTrue(log.contains("memory-lock skipped (mlockall(MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT): Cannot allocate"
                    + " memory (ENOMEM); grant CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK: ulimit -l unlimited"), log);
            assertTrue(log.contains("--cap-add IPC_LOCK --ulimit memlock=-1"), log);
            assertTrue(log.contains("timer-slack skipped (other threads' timer slack can be read and set only with"
                    + " CAP_SYS_NICE; grant CAP_SYS_NICE"), log);
            assertTrue(log.contains("cpu-affinity applied"), log);
            assertTrue(log.contains("[sprint-opt] level enterprise applied:"), log);
            assertTrue(target.stdout().contains("relay app: "), target.stdout());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void whatTheUnprivilegedJvmGotIsVisibleFromOutside(Jdk jdk) throws Exception {
        try (Target target = relayAppAsNobody(jdk, "level=enterprise,cpus=1,log=debug", 60)) {
            target.awaitStderr("level enterprise applied", Duration.ofSeconds(20));
            assertTrue(target.stderr().contains("level enterprise applied"), target.stderr());
            long pid = target.pid();
            OsState.affinity(pid).forEach((tid, cpus) -> assertEquals("1", cpus, "thread " + tid));
            assertEquals(0, OsState.lockedKilobytes(pid), "nothing locked without the privilege");
            OsState.timerSlack(pid).forEach((tid, slack) -> assertEquals(50_000L, slack, "untouched: thread " + tid));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void withoutCapSysNicePinnedThreadsGetTheirCpuButNoRealTimePolicy(Jdk jdk) throws Exception {
        assumeTrue("0-1".equals(OsState.cpuList(ProcessHandle.current().pid())), "written for CPUs 0-1");
        try (Target target = relayAppAsNobody(jdk, "level=enterprise,pin=relay-*", 60)) {
            target.awaitStderr("level enterprise applied", Duration.ofSeconds(20));
            // the level can be in force before the app starts its relay threads, which then pin themselves
            target.awaitPinned("relay-0", Duration.ofSeconds(20));
            target.awaitPinned("relay-1", Duration.ofSeconds(20));
            String log = target.stderr();
            assertTrue(log.contains("level enterprise applied"), log);
            assertTrue(log.contains("WARN level enterprise: thread-pinning applied in part (no real-time policy: no"
                    + " CAP_SYS_NICE and RLIMIT_RTPRIO is 0), timer-slack skipped (other threads' timer slack can be read"
                    + " and set only with CAP_SYS_NICE); grant CAP_SYS_NICE"), log);
            assertEquals(1, log.lines().filter(l -> l.contains("grant CAP_SYS_NICE")).count(),
                    "one warning per remedy, not one per thread or per action: " + log);
            assertTrue(log.contains("WARN level enterprise: memory-lock skipped (mlockall("), log);
            Map<String, Long> threads = OsState.threadsByName(target.pid());
            Map<Long, String> masks = OsState.affinity(target.pid());
            for (Map.Entry<String, Long> thread : threads.entrySet()) {
                if (!masks.containsKey(thread.getValue())) {
                    continue; // ended meanwhile (the agent's own start-up thread does)
                }
                boolean relay = thread.getKey().startsWith("relay-");
                assertEquals(relay ? "1" : "0", masks.get(thread.getValue()), thread.getKey());
                String policy = OsState.policy(thread.getValue());
                assertTrue(policy == null || policy.equals("SCHED_OTHER 0"), thread.getKey() + ": " + policy);
            }
            assertTrue(threads.keySet().stream().anyMatch(name -> name.startsWith("relay-")), threads.toString());
        }
    }
}
