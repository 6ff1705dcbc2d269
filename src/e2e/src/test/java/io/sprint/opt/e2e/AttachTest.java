package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dynamic attach to a JVM started without the agent, re-apply, and a restore that leaves no trace. */
class AttachTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void attachReapplyAndRestoreEveryFlag(Jdk jdk) throws Exception {
        try (Target app = Target.relayApp(jdk, List.of("-XX:+UseG1GC"), 60)) {
            String pid = Long.toString(app.pid());
            Map<String, String> before = VmFlags.manageable(jdk, app.pid());

            Run notLoaded = Run.cli("status", pid);
            assertEquals(1, notLoaded.exit(), notLoaded.toString());
            assertTrue(notLoaded.err().contains("sprint-opt is not loaded in JVM " + pid), notLoaded.err());

            Run attach = Run.cli("attach", pid, "level=aggressive");
            assertEquals(0, attach.exit(), attach.toString());
            assertTrue(attach.out().startsWith("JVM " + pid + ": level aggressive applied"), attach.out());
            Map<String, String> aggressive = VmFlags.read(jdk, app.pid());
            assertEquals("10", aggressive.get("MinHeapFreeRatio"));
            assertEquals("20", aggressive.get("MaxHeapFreeRatio"));

            // A second attach re-applies: new values, the first originals kept, nothing registered twice.
            Run again = Run.cli("attach", pid, "level=standard", "gc=100");
            assertEquals(0, again.exit(), again.toString());
            Map<String, String> standard = VmFlags.manageable(jdk, app.pid());
            assertEquals("25", standard.get("MinHeapFreeRatio"));
            assertEquals("50", standard.get("MaxHeapFreeRatio"));
            assertEquals("300000", standard.get("G1PeriodicGCInterval"));
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertEquals(1, jmx.registrations());
                assertEquals("standard", jmx.get("Level"));
                assertEquals("level=standard,gc=100", jmx.get("Options"));
            }

            Run list = Run.cli("list");
            assertEquals(0, list.exit(), list.toString());
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(pid + " ") && l.contains(" standard ")),
                    list.out());

            Run restore = Run.cli("restore", pid);
            assertEquals(0, restore.exit(), restore.toString());
            Map<String, String> after = VmFlags.manageable(jdk, app.pid());
            assertNotEquals(before, standard);
            assertTrue(before.size() > 10, before.toString());
            assertEquals(before, after, "every manageable flag is back to its value before the first attach");
            if (jdk.feature() >= 21) {
                assertFalse(app.stderr().contains("WARNING"), app.stderr());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void badOptionsForAttachAreAUsageErrorAndChangeNothing(Jdk jdk) throws Exception {
        try (Target app = Target.relayApp(jdk, List.of(), 60)) {
            String pid = Long.toString(app.pid());
            Run bad = Run.cli("attach", pid, "level=enterprise,mem=120");
            assertEquals(2, bad.exit(), bad.toString());
            assertTrue(bad.err().startsWith("sprint-opt: option mem=120 is not valid: mem takes a percent of the"
                    + " maximum heap from 1 to 100\n"), bad.err());
            Run status = Run.cli("status", pid);
            assertEquals(1, status.exit(), "the agent was never loaded: " + status);
        }
    }

    /**
     * Ten attaches at once to a JVM without the agent, ten levels: each command prints the level
     * its own call applied and exits 0; then restores racing attaches each report their own result.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.TARGETS)
    void concurrentCommandsEachReportTheirOwnResult(Jdk jdk) throws Exception {
        List<String> levels = List.of("basic", "standard", "aggressive", "enterprise", "turbo");
        try (Target app = Target.relayApp(jdk, List.of(), 120)) {
            String pid = Long.toString(app.pid());
            List<CompletableFuture<Run>> attaches = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String level = levels.get(i % levels.size());
                attaches.add(CompletableFuture.supplyAsync(() -> cli("attach", pid, "level=" + level,
                        "mlock=false")));
            }
            for (int i = 0; i < attaches.size(); i++) {
                Run attach = attaches.get(i).join();
                assertEquals(0, attach.exit(), attach.toString());
                assertTrue(attach.out().startsWith("JVM " + pid + ": level " + levels.get(i % levels.size())
                        + " applied\n"), attach.toString());
            }

            List<CompletableFuture<Run>> mixed = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String[] command = i % 2 == 0 ? new String[] {"restore", pid}
                        : new String[] {"attach", pid, "level=" + levels.get(i % levels.size()), "mlock=false"};
                mixed.add(CompletableFuture.supplyAsync(() -> cli(command)));
            }
            for (int i = 0; i < mixed.size(); i++) {
                Run run = mixed.get(i).join();
                assertEquals(0, run.exit(), run.toString());
                if (i % 2 == 0) {
                    assertTrue(run.out().startsWith("JVM " + pid + ": restored\n")
                            || run.out().startsWith("JVM " + pid + ": nothing to restore\n"), run.toString());
                } else {
                    assertTrue(run.out().startsWith("JVM " + pid + ": level " + levels.get(i % levels.size())
                            + " applied\n"), run.toString());
                }
            }
        }
    }

    private static Run cli(String... args) {
        try {
            return Run.cli(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
