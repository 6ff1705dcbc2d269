package io.sprint.opt.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One of HotSpot's GC pause counters ({@code sun.gc.collector.N}): how many pauses, their total
 * time, when the latest began and ended, in ticks of the JVM's high-resolution clock. HotSpot
 * counts a pause as it begins and stamps its end when it ends.
 */
final class PauseCounter {
    /** Collector indexes HotSpot uses (ZGC on JDK 17 uses only 2). */
    private static final int MAX_COLLECTORS = 8;

    private final String name;
    private final LongSupplier invocations;
    private final LongSupplier time;
    private final LongSupplier lastEntry;
    private final LongSupplier lastExit;
    private final double nanosPerTick;
    private long seenInvocations;
    private long seenTime;

    private PauseCounter(String name, LongSupplier invocations, LongSupplier time, LongSupplier lastEntry,
                         LongSupplier lastExit, double nanosPerTick) {
        this.name = name;
        this.invocations = invocations;
        this.time = time;
        this.lastEntry = lastEntry;
        this.lastExit = lastExit;
        this.nanosPerTick = nanosPerTick;
        this.seenInvocations = invocations.getAsLong();
        this.seenTime = time.getAsLong();
    }

    static List<PauseCounter> all(HotSpotCounters counters) {
        List<PauseCounter> all = new ArrayList<>();
        LongSupplier frequency = counters.number("sun.os.hrt.frequency");
        if (frequency == null || frequency.getAsLong() <= 0) {
            return all;
        }
        double nanosPerTick = 1e9 / frequency.getAsLong();
        for (int i = 0; i < MAX_COLLECTORS; i++) {
            String prefix = "sun.gc.collector." + i + ".";
            String name = counters.text(prefix + "name");
            LongSupplier invocations = counters.number(prefix + "invocations");
            LongSupplier time = counters.number(prefix + "time");
            LongSupplier entry = counters.number(prefix + "lastEntryTime");
            LongSupplier exit = counters.number(prefix + "lastExitTime");
            if (name != null && invocations != null && time != null && entry != null && exit != null) {
                all.add(new PauseCounter(name, invocations, time, entry, exit, nanosPerTick));
            }
        }
        return all;
    }

    String name() {
        return name;
    }

    /**
     * The exact length of pause number {@code id} (1 for the collector's first) when it is the
     * latest and has ended; -1 when another pause has begun since, so it can no longer be told.
     */
    long pauseNanos(long id) {
        long before = invocations.getAsLong();
        long entry = lastEntry.getAsLong();
        long exit = lastExit.getAsLong();
        long after = invocations.getAsLong();
        if (before != id || after != id || exit < entry) {
            return -1;
        }
        return Math.round((exit - entry) * nanosPerTick);
    }

    /**
     * The pauses that ended since the previous call, for collectors no GC bean reports (G1's
     * remark and cleanup on JDK 17): exact when there was one, each the mean of them when more.
     * Nothing while a pause is running; it is counted by a later call.
     */
    synchronized long[] newPauses() {
        long count = invocations.getAsLong();
        long entry = lastEntry.getAsLong();
        long exit = lastExit.getAsLong();
        long total = time.getAsLong();
        if (count <= seenInvocations || exit < entry || invocations.getAsLong() != count) {
            return new long[0];
        }
        long[] pauses = new long[(int) Math.min(count - seenInvocations, 4096)];
        long each = count - seenInvocations == 1 ? exit - entry : (total - seenTime) / (count - seenInvocations);
        java.util.Arrays.fill(pauses, Math.round(each * nanosPerTick));
        seenInvocations = count;
        seenTime = total;
        return pauses;
    }
}
