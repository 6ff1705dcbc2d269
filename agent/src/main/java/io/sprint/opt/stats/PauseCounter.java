package io.sprint.opt.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    /** Notified pauses not yet timed, by pause number, oldest first: their whole-millisecond lengths (ns). */
    private final LinkedHashMap<Long, Long> pending = new LinkedHashMap<>();
    /** Exact lengths (ns) of ended pauses, by pause number, seen before their notification came. */
    private final TreeMap<Long, Long> known = new TreeMap<>();
    /** Pending notifications beyond which their whole-ms lengths are taken as they are. */
    private static final int MAX_PENDING = 64;

    PauseCounter(String name, LongSupplier invocations, LongSupplier time, LongSupplier lastEntry,
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
     * A notification of pause number {@code id} (1 for the collector's first) has arrived; returns
     * the lengths of the pauses that can now be told, oldest first. A reading of the counter tells
     * two things exactly: the latest pause's length once it has ended (kept by pause number until
     * its notification comes), and, through the total time, the sum of every pause that has
     * ended. So a notification handled while the next pause runs, or after it ended, is still
     * timed exactly; only when several notifications wait and none of their lengths was seen do
     * they share the sum, in proportion to their whole-ms lengths (evenly when all are 0).
     */
    synchronized long[] arrived(long id, long wholeMillisNanos) {
        if (id <= seenInvocations) {
            return new long[] {known.getOrDefault(id, wholeMillisNanos)}; // counted before we listened
        }
        pending.put(id, wholeMillisNanos);
        return drain();
    }

    /** The waiting pauses, once every pause up to the newest of them has ended and no later one has. */
    synchronized long[] drain() {
        Reading now = read();
        if (!now.stable) {
            return new long[0];
        }
        boolean latestEnded = now.exit >= now.entry;
        if (latestEnded && now.count > seenInvocations) {
            known.put(now.count, Math.round((now.exit - now.entry) * nanosPerTick));
        }
        if (pending.isEmpty()) {
            return new long[0];
        }
        long ended = latestEnded ? now.count : now.count - 1;
        long newest = 0;
        for (long id : pending.keySet()) {
            newest = id;
        }
        if (ended == newest) {
            // The total time since the last resync covers exactly the waiting pauses only when
            // none is missing (one that ended before we listened has no notification).
            boolean contiguous = pending.keySet().iterator().next() == seenInvocations + 1
                    && pending.size() == newest - seenInvocations;
            long[] pauses = new long[pending.size()];
            boolean[] unknown = new boolean[pauses.length];
            long rest = Math.round((now.total - seenTime) * nanosPerTick);
            int i = 0;
            for (Map.Entry<Long, Long> waiting : pending.entrySet()) {
                Long exact = known.get(waiting.getKey());
                unknown[i] = exact == null;
                pauses[i] = unknown[i] ? waiting.getValue() : exact;
                rest -= unknown[i] ? 0 : exact;
                i++;
            }
            if (contiguous) {
                share(Math.max(0, rest), pauses, unknown);
            }
            return resync(newest, now.total, pauses);
        }
        if (ended < newest || pending.size() > MAX_PENDING) {
            // counters and notifications disagree (or never catch up): whole ms, and start afresh
            long[] pauses = pending.entrySet().stream()
                    .mapToLong(e -> known.getOrDefault(e.getKey(), e.getValue())).toArray();
            return resync(ended, now.total, pauses);
        }
        return new long[0]; // later pauses have ended too: wait for their notifications
    }

    /** One reading of the counter; {@code stable} when no pause began while it was taken. */
    private record Reading(long count, long entry, long exit, long total, boolean stable) {
        /** Whether pause number {@code n} is the latest and has ended. */
        boolean latestEnded(long n) {
            return stable && count == n && exit >= entry;
        }
    }

    private Reading read() {
        long count = invocations.getAsLong();
        long entry = lastEntry.getAsLong();
        long exit = lastExit.getAsLong();
        long total = time.getAsLong();
        return new Reading(count, entry, exit, total, invocations.getAsLong() == count);
    }

    /** Everything up to pause {@code through} is accounted for, {@code total} ticks of it. */
    private long[] resync(long through, long total, long[] pauses) {
        seenInvocations = through;
        seenTime = total;
        pending.clear();
        known.headMap(through, true).clear();
        return pauses;
    }

    /** Splits {@code rest} over the pauses whose length is unknown, by their whole-ms lengths. */
    private static void share(long rest, long[] pauses, boolean[] unknown) {
        long weights = 0;
        int count = 0;
        for (int i = 0; i < pauses.length; i++) {
            if (unknown[i]) {
                weights += pauses[i];
                count++;
            }
        }
        for (int i = 0; i < pauses.length; i++) {
            if (unknown[i]) {
                pauses[i] = weights == 0 ? rest / count : Math.round(rest * (pauses[i] / (double) weights));
            }
        }
    }

    /**
     * The pauses that ended since the previous call, for collectors no GC bean reports (G1's
     * remark and cleanup on JDK 17): exact when there was one, each the mean of them when more.
     * Nothing while a pause is running; it is counted by a later call.
     */
    synchronized long[] newPauses() {
        Reading now = read();
        long ended = now.count - seenInvocations;
        if (ended <= 0 || !now.latestEnded(now.count)) {
            return new long[0];
        }
        long each = ended == 1 ? now.exit - now.entry : (now.total - seenTime) / ended;
        long[] pauses = new long[(int) Math.min(ended, 4096)];
        Arrays.fill(pauses, Math.round(each * nanosPerTick));
        return resync(now.count, now.total, pauses);
    }
}
