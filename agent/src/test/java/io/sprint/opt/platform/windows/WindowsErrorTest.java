package io.sprint.opt.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.platform.OsException;
import org.junit.jupiter.api.Test;

/** Windows error codes become what the actions act on: a skip with its remedy, or a failure. */
class WindowsErrorTest {
    @Test
    void missingPrivilegeAndQuotaAreSkipsWithARemedy() {
        OsException privilege = WindowsError.of("SetProcessWorkingSetSizeEx(512 MiB, 576 MiB)", 1314);
        assertTrue(privilege.lacksPrivilege());
        assertEquals("SetProcessWorkingSetSizeEx(512 MiB, 576 MiB): A required privilege is not held by the client"
                + " (ERROR_PRIVILEGE_NOT_HELD)", privilege.getMessage());
        assertTrue(WindowsError.of("SetThreadPriority(7)", 5).lacksPrivilege());
        assertTrue(WindowsError.of("SetProcessWorkingSetSizeEx", 1453).lacksPrivilege());
    }

    @Test
    void otherErrorsAreFailuresWithTheirCode() {
        OsException other = WindowsError.of("GetThreadGroupAffinity(7)", 6);
        assertFalse(other.lacksPrivilege());
        assertFalse(other.noSuchThread());
        assertEquals("GetThreadGroupAffinity(7): error 6", other.getMessage());
    }
}
