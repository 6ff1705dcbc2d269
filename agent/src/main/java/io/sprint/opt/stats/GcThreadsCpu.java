package io.sprint.opt.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of HotSpot's GC threads, from /proc/self/task/TID/stat (Linux). JDK 17 to 25 expose
 * no GC CPU time through an API (MemoryMXBean.getTotalGcCpuTime arrives in JDK 26), and the
 * collectors' own threads are what Go's gc_cpu_fraction counts.
 */
final class GcThreadsCpu {
    /** Thread names (as /proc's 15-character comm) of G1, Parallel, ZGC and Shenandoah workers. */
    private static final List<String> GC_THREAD_PREFIXES = List.of("GC Thread#", "G1 ", "Shenandoah",
            "ZWorker", "ZDriver", "ZDirector", "ZStat", "ZUnmapper", "ZUncommitter");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private GcThreadsCpu() {
    }

    /** GC threads' user + system CPU seconds, or -1 where /proc is not there to read. */
    static double seconds() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                ticks += gcTicks(thread.resolve("stat"));
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    private static long gcTicks(Path stat) {
        String line;
        try {
            line = io.sprint.opt.platform.HostProbe.readFully(stat);
        } catch (IOException e) {
            return 0; // the thread ended while we looked
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String name = line.substring(open + 1, close);
        if (GC_THREAD_PREFIXES.stream().noneMatch(name::startsWith)) {
            return 0;
        }
        // Fields after the name: state is field 3, utime field 14, stime field 15.
        String[] fields = line.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
