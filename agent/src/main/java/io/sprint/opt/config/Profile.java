package io.sprint.opt.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A level resolved against this host and the user's per-field overrides: the values the actions
 * apply. {@code n} is the number of CPUs this process may use.
 */
public record Profile(Level level, int cpus, int gcPercent, int memPercent, int maxThreads, long stackBytes,
                      boolean pinning, boolean mlock, boolean rt, boolean hugepages, boolean numa, boolean latency,
                      boolean idle, long idleMicros, boolean shield, boolean restoreOnExit, CpuList affinity, int rtPriority, Collector collector, Long idleGcMillis,
                      List<String> pin, boolean wholeCores, Path locks) {

    public static Profile resolve(Level level, int n, Options options) {
        LevelTable.Row row = LevelTable.row(level);
        CpuList affinity = options.cpus() != null ? options.cpus()
                : row.affinity() == null ? null : CpuList.parse(row.affinity());
        return new Profile(level, n,
                options.intOr(OptionKey.GC, row.gcPercent()),
                options.intOr(OptionKey.MEM, row.memPercent()),
                options.intOr(OptionKey.THREADS, row.threadsPerCpu() * n),
                options.longOr(OptionKey.STACK, row.stackBytes()),
                options.flagOr(OptionKey.PINNING, n >= row.pinning()),
                options.flagOr(OptionKey.MLOCK, n >= row.mlock()),
                options.flagOr(OptionKey.RT, n >= row.rt()),
                options.flagOr(OptionKey.HUGEPAGES, n >= row.hugepages()),
                options.flagOr(OptionKey.NUMA, n >= row.numa()),
                options.flagOr(OptionKey.LATENCY, n >= row.latency()),
                options.flagOr(OptionKey.IDLE, n >= row.idle()),
                options.integer(OptionKey.IDLE_LATENCY),
                options.flagOr(OptionKey.SHIELD, n >= row.shield()),
                "restore".equals(options.value(OptionKey.ON_EXIT)),
                affinity,
                options.integer(OptionKey.RT_PRIORITY),
                row.collector(),
                row.idleGcMillis(),
                options.pin(),
                "core".equals(options.value(OptionKey.SMT)),
                Path.of((String) options.value(OptionKey.LOCKS)));
    }

    /** One profile per level of the options' chain, in order ({@code auto} read from {@code environment}). */
    public static List<Profile> chain(Options options, int n, Map<String, String> environment) {
        LevelSpec spec = options.level();
        List<Profile> profiles = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            profiles.add(resolve(spec.resolve(i, environment), n, options));
        }
        return profiles;
    }

    /** Whether any field needs the OS layer (and so JNA). */
    public boolean needsOs() {
        return mlock || rt || pinning || hugepages || numa || latency || idle || shield || affinity != null;
    }

    /**
     * Go's GOGC=g lets the heap grow to live x (1 + g/100) before collecting, so right after a
     * collection the free share is g / (100 + g). The JVM's nearest knob is the free-ratio band
     * the heap is resized into: its top is that share, its bottom half of it, so the heap
     * neither keeps more headroom than Go would nor shrinks below half of it.
     */
    public int maxHeapFreeRatio() {
        return Math.max(1, Math.round(100f * gcPercent / (100f + gcPercent)));
    }

    public int minHeapFreeRatio() {
        return maxHeapFreeRatio() / 2;
    }
}
