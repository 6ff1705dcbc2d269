package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JVM whose threads keep ending and starting (1,000 alive, each living up to 400 ms): the
 * thread walks of cpu-affinity and timer-slack meet threads that end between being listed and
 * being read, which the kernel reports as ENOENT or ESRCH ("No such process"). A thread that ends
 * is never a failure: every attach and restore succeeds, and the target logs no warning.
 */
class ThreadChurnTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void threadsEndingDuringApplyAndRestoreAreNeverAFailure(Jdk jdk) throws Exception {
        assumeTrue(OsState.isRoot(), "other threads' timer slack needs CAP_SYS_NICE");
        try (Target churn = Target.start(jdk, List.of(), List.of("-cp", Artifacts.APP.toString(),
                "io.sprint.opt.testapp.ThreadChurn", "1000", "400"), Map.of())) {
            churn.awaitStdout("churn ready", Duration.ofSeconds(60));
            String pid = Long.toString(churn.pid());
            for (int round = 1; round <= 3; round++) {
                Run attach = Run.cli("attach", pid, "level=aggressive,mlock=false");
                assertEquals(0, attach.exit(), "round " + round + ": " + attach);
                assertFalse(attach.out().contains(" failed "), "round " + round + ": " + attach.out());
                Run restore = Run.cli("restore", pid);
                assertEquals(0, restore.exit(), "round " + round + ": " + restore);
                assertFalse(restore.out().contains(" failed "), "round " + round + ": " + restore.out());
            }
            assertFalse(churn.stderr().contains("WARN"), churn.stderr());
            assertFalse(churn.stderr().contains("No such process"), churn.stderr());
        }
    }
}
