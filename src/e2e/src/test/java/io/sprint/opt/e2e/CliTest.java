package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line's own contract: output, exit codes 0 / 1 / 2, one-line reasons. */
class CliTest {

    @Test
    void versionAndHelp() throws Exception {
        Run version = Run.cli("--version");
        assertEquals(0, version.exit());
        assertEquals("sprint-opt 0.1.0\n", version.out());
        Run help = Run.cli("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("usage: java -jar sprint-opt.jar COMMAND\n"), help.out());
        for (String command : new String[] {"list", "attach", "status", "restore", "health", "plan", "flags", "doctor"}) {
            assertTrue(help.out().contains("\n  " + command + " "), command);
        }
    }

    @Test
    void usageErrorsExit2WithOneLineThenTheUsage() throws Exception {
        assertUsage(Run.cli(), "sprint-opt: no command");
        assertUsage(Run.cli("pin"), "sprint-opt: unknown command 'pin'");
        assertUsage(Run.cli("status", "my-app"), "sprint-opt: 'my-app' is not a process id");
        assertUsage(Run.cli("status", "1", "--yaml"), "sprint-opt: status takes PID [--json], not --yaml");
        assertUsage(Run.cli("restore"), "sprint-opt: restore takes 1 argument(s), not 0");
        assertUsage(Run.cli("flags", "turbp"), "sprint-opt: flags takes one level: basic, standard, aggressive,"
                + " enterprise, turbo or auto; not 'turbp'");
        assertUsage(Run.cli("plan", "level=enterprise,rt.priority=0"), "sprint-opt: option rt.priority=0 is not valid:"
                + " rt.priority takes an integer from 1 to 99");
    }

    private static void assertUsage(Run run, String reason) {
        assertEquals(2, run.exit(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(reason + "\nusage: java -jar sprint-opt.jar COMMAND\n"), run.err());
    }

    @Test
    void aJvmThatIsNotThereIsAFailureNotAUsageError() throws Exception {
        Run status = Run.cli("status", "999999999");
        assertEquals(1, status.exit(), status.toString());
        assertTrue(status.err().startsWith("sprint-opt: cannot attach to JVM 999999999: "), status.err());
    }

    @Test
    void flagsPrintsAPasteableFirstLineAndWhy() throws Exception {
        Run turbo = Run.cli("flags", "turbo");
        assertEquals(0, turbo.exit(), turbo.toString());
        String first = turbo.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("-XX:+UseZGC "), first);
        assertTrue(first.contains("-XX:+AlwaysPreTouch") && first.endsWith("-Xss136k"), first);
        assertTrue(turbo.out().contains("# -Xss136k: the level's 4096-byte stacks are below the JVM minimum:"
                + " clamped to 136 KB"), turbo.out());
        Run basic = Run.cli("flags", "basic");
        assertEquals("-Xss136k", basic.out().lines().findFirst().orElseThrow());
    }

    @Test
    void planChangesNothingAndSaysWhatWouldHappen() throws Exception {
        Run plan = Run.cli("plan", "level=turbo>basic");
        assertEquals(0, plan.exit(), plan.toString());
        assertTrue(plan.out().startsWith("level turbo on this host ("), plan.out());
        assertTrue(plan.out().contains("\nlevel basic on this host ("), plan.out());
        assertTrue(plan.out().matches("(?s).*heap-free-ratio +would (apply|skip).*"), plan.out());
        assertTrue(plan.out().endsWith("nothing was changed\n"), plan.out());
    }

    @Test
    void doctorReportsTheHost() throws Exception {
        Run doctor = Run.cli("doctor", "level=turbo,cpus=0");
        assertEquals(0, doctor.exit(), doctor.toString());
        assertTrue(doctor.out().startsWith("sprint-opt doctor: "), doctor.out());
        for (String check : new String[] {"memory lock", "real-time scheduling", "timer slack", "RT throttling",
            "transparent huge pages", "isolated CPUs", "CPU governor", "NUMA", "cgroup limits", "irqbalance",
            "interrupts on cores 0"}) {
            assertTrue(doctor.out().contains("\n  " + check + " "), check + " in\n" + doctor.out());
        }
    }
}
