package io.sprint.opt.pin;

import io.sprint.opt.log.Log;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the pinner says, in proportion: an application may start thousands of matching threads,
 * and a re-attach pins every running one again. So threads pinned as they start are listed at
 * info only up to {@value #LISTED}; threads found running are one summary line; each kind of
 * refusal (real-time policy, CPU, timer slack) is said once and then counted, and each remedy
 * (CAP_SYS_NICE, an RT budget for the cgroup) is given once.
 * log=debug lists every thread; the PinnedThreads attribute always has them all.
 */
final class PinLog {
    static final int LISTED = 10;

    /** What the OS refused a selected thread. */
    enum Refusal {
        CPU("its dedicated CPU"), POLICY("the real-time policy"), SLACK("1 ns timer slack");

        private final String what;

        Refusal(String what) {
            this.what = what;
        }

        String what() {
            return what;
        }
    }

    /** The threads refused each kind: a thread may be refused the same twice (FIFO alone, then RR shared). */
    private final Map<Refusal, Set<Long>> refusals = new EnumMap<>(Refusal.class);
    private final Set<String> remediesGiven = new HashSet<>();
    private int listed;
    private boolean overflowed;

    /** A thread pinned as it started (or renamed to a matching name). */
    synchronized void pinned(PinnedThread record) {
        if (listed < LISTED) {
            Log.info("pinned %s", record.describe());
        } else {
            if (listed == LISTED) {
                Log.info("pin: more threads are pinned as they start; log=debug lists each, PinnedThreads has them all");
            }
            Log.debug("pinned %s", record.describe());
        }
        listed++;
    }

    /** Said once: with more selected threads than nohz_full CPUs the rest stay with the JVM. */
    synchronized void noCpuLeft(PinnedThread record, String why) {
        if (!overflowed) {
            overflowed = true;
            Log.warn("pin: %s (tid %d) and any more selected threads get no dedicated CPU (%s); they run with the rest"
                    + " of the JVM, without a real-time policy", record.thread.getName(), record.tid, why);
        }
    }

    /** One of a batch found running: the batch's summary says the rest. */
    void pinnedRunning(PinnedThread record) {
        Log.debug("pinned %s", record.describe());
    }

    /**
     * @param remedy what grants it (the same for several refusals: CAP_SYS_NICE), or null when the
     *     refusal is not for want of privilege
     */
    synchronized void refused(Refusal refusal, PinnedThread record, String detail, String remedy) {
        Set<Long> refused = refusals.computeIfAbsent(refusal, r -> new HashSet<>());
        boolean first = refused.isEmpty();
        refused.add(record.tid);
        if (first && (remedy == null || remediesGiven.add(remedy))) {
            Log.warn("pin: %s (tid %d) did not get %s: %s%s (other threads refused the same are counted, not logged)",
                    record.thread.getName(), record.tid, refusal.what, detail, remedy == null ? "" : "; " + remedy);
        } else if (first) {
            Log.info("pin: %s (tid %d) did not get %s either: %s (same remedy as above)", record.thread.getName(),
                    record.tid, refusal.what, detail);
        }
    }

    /** "; 4999 also refused the real-time policy" for a summary; "" when nothing was refused. */
    synchronized String refusalCounts() {
        StringBuilder text = new StringBuilder();
        refusals.forEach((refusal, tids) -> text.append("; ").append(tids.size())
                .append(tids.size() == 1 ? " thread" : " threads").append(" without ").append(refusal.what));
        return text.toString();
    }
}
