package io.sprint.opt.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MissingModuleTest {
    @Test
    void findsTheAbsentJdkClassDownTheCauseChain() {
        // as JNA's failed static initialiser is seen on its first use
        Throwable first = new ExceptionInInitializerError(new NoClassDefFoundError("java/util/logging/Level"));
        assertEquals("java/util/logging/Level", MissingModule.jdkClass(first));
        assertEquals("com/sun/management/HotSpotDiagnosticMXBean",
                MissingModule.jdkClass(new NoClassDefFoundError("com/sun/management/HotSpotDiagnosticMXBean")));
        assertEquals("jdk/jfr/FlightRecorderListener",
                MissingModule.jdkClass(new RuntimeException(new ClassNotFoundException("jdk.jfr.FlightRecorderListener"))));
        assertTrue(MissingModule.explain(first).contains("java.logging"), MissingModule.explain(first));
    }

    @Test
    void anythingElseIsNotExplainedAsAMissingModule() {
        assertNull(MissingModule.jdkClass(new NoClassDefFoundError("com/sun/jna/Native")));
        assertNull(MissingModule.jdkClass(new UnsatisfiedLinkError("noexec /tmp")));
        assertNull(MissingModule.explain(new IllegalStateException("x")));
        assertEquals("java.lang.IllegalStateException: x", MissingModule.describe(new IllegalStateException("x")));
    }
}
