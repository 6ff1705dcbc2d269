package io.sprint.opt.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcThreadsCpuTest {

    private static void thread(Path tasks, int tid, String name, long utime, long stime) throws IOException {
        Files.createDirectories(tasks.resolve(Integer.toString(tid)));
        // pid (comm) state ppid ... utime is field 14, stime field 15
        Files.writeString(tasks.resolve(tid + "/stat"), tid + " (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 " + utime + " "
                + stime + " 0 0 20 0 1 0 0 0 0\n");
    }

    @Test
    void countsGcThreadsOnlyAndRereadsJustThemUntilTheNextWalk(@TempDir Path tasks) throws IOException {
        thread(tasks, 101, "GC Thread#0", 150, 50);
        thread(tasks, 102, "G1 Conc#0", 80, 20);
        thread(tasks, 103, "relay-1", 9000, 900);
        thread(tasks, 104, "app (with) parens", 1, 1);
        GcThreadsCpu cpu = new GcThreadsCpu(tasks);
        assertEquals(3.0, cpu.seconds(), 1e-9);

        thread(tasks, 101, "GC Thread#0", 250, 50); // the known GC thread works on
        thread(tasks, 105, "GC Thread#1", 100, 0); // a worker started since the walk
        assertEquals(4.0, cpu.seconds(), 1e-9, "only the threads found by the walk are read before the next walk");

        thread(tasks, 102, "relay-2", 5, 5); // a GC thread's id now names another thread
        assertEquals(3.0, cpu.seconds(), 1e-9);
    }

    @Test
    void noProcIsMinusOne(@TempDir Path dir) {
        assertEquals(-1, new GcThreadsCpu(dir.resolve("missing")).seconds());
    }
}
