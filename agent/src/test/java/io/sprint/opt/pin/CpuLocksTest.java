package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.config.CpuList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Within one JVM; the cross-JVM case (two JVMs, kill -9 of the holder) is PinningTest's, end to end. */
class CpuLocksTest {

    @Test
    void aJvmTakesFreeCpusWritesItsPidAndLetsGo(@TempDir Path dir) throws Exception {
        CpuLocks locks = CpuLocks.in(dir.resolve("locks"));
        assertEquals(0, locks.holder(3), "free");
        assertEquals(Map.of(), locks.acquire(CpuList.parse("1,3")));
        assertEquals(CpuList.parse("1,3"), locks.held());
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(dir.resolve("locks/cpu-3.lock")));
        assertEquals(0, locks.holder(3), "its own lock is not another's");
        assertEquals(Map.of(), locks.acquire(CpuList.parse("3")), "taking it again is a no-op");
        assertEquals(01777, (Integer) Files.getAttribute(dir.resolve("locks"), "unix:mode") & 07777,
                "world-writable and sticky, as /tmp");
        locks.release(CpuList.parse("1,3"));
        assertEquals(CpuList.NONE, locks.held());
        assertTrue(CpuLocks.in(dir.resolve("locks")) == locks, "one instance per directory in a JVM");
    }
}
