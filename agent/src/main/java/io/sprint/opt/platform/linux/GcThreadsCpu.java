package io.sprint.opt.platform.linux;

import io.sprint.opt.platform.ProcStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of HotSpot's GC threads, from /proc/self/task/TID/stat (Linux). JDK 17 to 25 expose
 * no GC CPU time through an API (MemoryMXBean.getTotalGcCpuTime arrives in JDK 26), and the
 * collectors' own threads are what Go's gc_cpu_fraction counts.
 *
 * <p>Finding the GC threads means reading every thread's stat: 10,000 reads in a JVM with 10,000
 * threads, on every scrape. So the walk runs at most every {@value #RESCAN_SECONDS} s (collectors
 * add workers rarely: G1 and ZGC start more as load grows, none ends them) and reads in between
 * go to the GC threads it found.
 */
final class GcThreadsCpu {
    /** Thread names (as /proc's 15-character comm) of G1, Parallel, ZGC and Shenandoah workers. */
    private static final List<String> GC_THREAD_PREFIXES = List.of("GC Thread#", "G1 ", "Shenandoah",
            "ZWorker", "ZDriver", "ZDirector", "ZStat", "ZUnmapper", "ZUncommitter");
    static final long RESCAN_SECONDS = 10;

    private final Path tasks;
    private List<Path> gcThreads;
    private long lastWalkNanos;

    GcThreadsCpu(Path tasks) {
        this.tasks = tasks;
    }

    /** GC threads' user + system CPU seconds, or -1 where /proc is not there to read. */
    synchronized double seconds() {
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long now = System.nanoTime();
        if (gcThreads == null || now - lastWalkNanos >= RESCAN_SECONDS * 1_000_000_000L) {
            try {
                gcThreads = walk();
            } catch (IOException e) {
                return -1;
            }
            lastWalkNanos = now;
        }
        long ticks = 0;
        for (Path stat : gcThreads) {
            ticks += Math.max(0, gcTicks(stat));
        }
        return ticks / (double) ProcStat.TICKS_PER_SECOND;
    }

    private List<Path> walk() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                Path stat = thread.resolve("stat");
                if (gcTicks(stat) >= 0) {
                    found.add(stat);
                }
            }
        }
        return found;
    }

    /** The thread's ticks if it is a GC thread, -1 if it is not or has ended. */
    static long gcTicks(Path stat) {
        String line;
        try {
            line = LinuxHost.readFully(stat);
        } catch (IOException e) {
            return -1; // the thread ended while we looked
        }
        ProcStat fields = ProcStat.parse(line);
        if (fields == null) {
            return -1;
        }
        String name = fields.name();
        if (GC_THREAD_PREFIXES.stream().noneMatch(name::startsWith)) {
            return -1; // also a thread id reused by another thread since the walk
        }
        return fields.number(14) + fields.number(15); // utime + stime
    }
}
