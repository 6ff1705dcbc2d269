package io.sprint.opt.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Runs the real commands on this JVM (its package is opened to the tests as the agent opens it). */
class DiagnosticCommandsTest {
    @Test
    void runsCommandsAsJcmdSpellsThemWithoutCreatingThePlatformMBeanServer() throws Exception {
        boolean existed = platformServerExists(); // another test of this JVM may have made it
        String dump = DiagnosticCommands.run("Thread.print");
        assertTrue(dump.contains('"' + Thread.currentThread().getName() + '"'), dump);
        assertTrue(DiagnosticCommands.run("GC.heap_info").contains("heap"));
        assertEquals(existed, platformServerExists(), "running the commands created the platform MBeanServer");
    }

    private static boolean platformServerExists() throws Exception {
        for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
            if (server.isRegistered(new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theMBeanNamesACommandAsTheJdkDoes() {
        assertEquals("gcHeapInfo", DiagnosticCommands.operation("GC.heap_info"));
        assertEquals("threadPrint", DiagnosticCommands.operation("Thread.print"));
        assertEquals("vmFlags", DiagnosticCommands.operation("VM.flags"));
    }
}
