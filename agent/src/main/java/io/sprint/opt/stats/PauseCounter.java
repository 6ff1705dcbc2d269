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
    /** Notified pauses not yet timed, by pause number, oldest first: their whole-millisecond lengths (ns). */
    private final java.util.LinkedHashMap<Long, Long> pending = new java.util.LinkedHashMap<>();
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
     * the lengths of the pauses that can now be told, oldest first. Usually that is this pause,
     * exact from its entry and exit stamps. When the next pause has begun before the notification
     * is handled (back-to-back pauses), it waits; once a later notification finds its pause the
     * latest and ended, that one is exact and the waiting ones share the rest of the counter's
     * total time since the last exact reading (exact when one was waiting; otherwise split in
     * proportion to their whole-ms lengths, evenly when those are all 0).
     */
    synchronized long[] arrived(long id, long wholeMillisNanos) {
        if (id <= seenInvocations) {
            return new long[] {wholeMillisNanos}; // counted before we listened
        }
        pending.put(id, wholeMillisNanos);
        return drain();
    }

    /** The waiting pauses, if the latest of them has now ended with nothing after it. */
    synchronized long[] drain() {
        if (pending.isEmpty()) {
            return new long[0];
        }
        long newest = 0;
        for (long id : pending.keySet()) {
            newest = id;
        }
        Reading now = read();
        if (now.latestEnded(newest)) {
            long[] pauses = wholeMillis();
            pauses[pauses.length - 1] = Math.round((now.exit - now.entry) * nanosPerTick);
            // The counter's time since the last exact reading covers exactly the waiting pauses
            // only when none is missing (one that ended before we listened has no notification).
            boolean contiguous = pending.keySet().iterator().next() == seenInvocations + 1
                    && pending.size() == newest - seenInvocations;
            if (contiguous && pauses.length > 1) {
                long rest = Math.max(0, Math.round((now.total - seenTime) * nanosPerTick) - pauses[pauses.length - 1]);
                share(rest, pauses);
            }
            return resync(now, pauses);
        }
        if (now.count < newest || pending.size() > MAX_PENDING) {
            // counters and notifications disagree (or never catch up): whole ms, and start afresh
            return resync(now, wholeMillis());
        }
        return new long[0];
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

    private long[] wholeMillis() {
        return pending.values().stream().mapToLong(Long::longValue).toArray();
    }

    private long[] resync(Reading now, long[] pauses) {
        seenInvocations = now.count;
        seenTime = now.total;
        pending.clear();
        return pauses;
    }

    /** Splits {@code rest} over all but the last of {@code pauses}, by their whole-ms lengths. */
    private void share(long rest, long[] pauses) {
        int waiting = pauses.length - 1;
        long weights = 0;
        for (int i = 0; i < waiting; i++) {
            weights += pauses[i];
        }
        for (int i = 0; i < waiting; i++) {
            pauses[i] = weights == 0 ? rest / waiting : Math.round(rest * (pauses[i] / (double) weights));
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
        java.util.Arrays.fill(pauses, Math.round(each * nanosPerTick));
        return resync(now, pauses);
    }
}
