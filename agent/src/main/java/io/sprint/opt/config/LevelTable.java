package io.sprint.opt.config;

import static io.sprint.opt.config.Collector.G1;
import static io.sprint.opt.config.Collector.ZGC;
import static io.sprint.opt.config.Level.AGGRESSIVE;
import static io.sprint.opt.config.Level.BASIC;
import static io.sprint.opt.config.Level.ENTERPRISE;
import static io.sprint.opt.config.Level.STANDARD;
import static io.sprint.opt.config.Level.TURBO;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The five levels of the seed design, as data. The only place a level's values are written down.
 *
 * <p>Boolean fields are gates on {@code n}, the CPUs this process may use: a field is on when
 * {@code n >= gate}; {@link #ALWAYS} and {@link #NEVER} are the two constant gates. The seed's
 * "numCPU >= 4" for standard's pinning is the gate 4.
 */
public final class LevelTable {
    public static final int ALWAYS = 0;
    public static final int NEVER = Integer.MAX_VALUE;

    /**
     * One level.
     *
     * @param threadsPerCpu max threads = threadsPerCpu x n
     * @param affinity cpulist of dedicated cores, null for all usable CPUs
     * @param collector collector to recommend at launch, null to keep the JVM's choice
     * @param idle the host's CPUs kept out of deep idle states (/dev/cpu_dma_latency)
     * @param shield the dedicated CPUs kept free of interrupts and idle states
     * @param idleGcMillis G1PeriodicGCInterval: 0 turns off GC cycles the application did not
     *     cause, a positive value returns memory while idle, null leaves the flag alone
     */
    public record Row(Level level, int gcPercent, int memPercent, int threadsPerCpu, long stackBytes,
                      int pinning, int mlock, int rt, int hugepages, int numa, int latency, int idle, int shield,
                      String affinity, Collector collector, Long idleGcMillis) {
    }

    private static final Map<Level, Row> ROWS = new EnumMap<>(Level.class);

    static {
        //  level        gc%  mem% thr/n stack  pinning mlock   rt      huge    numa    latency idle    shield  affinity collector idle-GC ms
        add(BASIC,       100, 50,  1,    8192,  NEVER,  NEVER,  NEVER,  NEVER,  NEVER,  NEVER,  NEVER,  NEVER,  null,  null, null);
        add(STANDARD,     50, 75,  2,    8192,  4,      ALWAYS, NEVER,  8,      16,     ALWAYS, NEVER,  NEVER,  null,  G1,   300_000L);
        add(AGGRESSIVE,   25, 80,  2,    8192,  ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, NEVER,  null,  G1,   0L);
        add(ENTERPRISE,   25, 90,  2,    8192,  ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, NEVER,  "0-3", ZGC,  0L);
        add(TURBO,        10, 95,  1,    4096,  ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, ALWAYS, "0-1", ZGC,  0L);
    }

    private LevelTable() {
    }

    private static void add(Level level, int gc, int mem, int threadsPerCpu, long stack, int pinning, int mlock,
                            int rt, int hugepages, int numa, int latency, int idle, int shield, String affinity,
                            Collector collector, Long idleGcMillis) {
        ROWS.put(level, new Row(level, gc, mem, threadsPerCpu, stack, pinning, mlock, rt, hugepages, numa,
                latency, idle, shield, affinity, collector, idleGcMillis));
    }

    /**
     * Cores kept for everything but pinned threads, of {@code usable} CPUs: one up to 16, two
     * above, as the seed reserves.
     */
    public static int housekeeping(int usable) {
        return usable > 16 ? 2 : 1;
    }

    public static Row row(Level level) {
        return ROWS.get(level);
    }

    public static List<Row> rows() {
        return List.copyOf(ROWS.values());
    }
}
