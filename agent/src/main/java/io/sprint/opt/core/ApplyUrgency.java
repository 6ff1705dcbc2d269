package io.sprint.opt.core;

import io.sprint.opt.log.Log;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;

/**
 * The applying thread's share of the CPUs while a level's OS side is applied. At start-up the
 * agent applies beside the application's own start and the JIT's compiler threads: on a two-CPU
 * host its thread got well under half a CPU (57 ms of CPU took 127 ms). At nice -10 it gets
 * some nine times a normal thread's share for those tens of milliseconds, then its own nice
 * value back. The agent starts no thread meanwhile (one would inherit the value). Where the
 * process may not raise a priority (no CAP_SYS_NICE, a low RLIMIT_NICE), it applies at the
 * priority it has.
 */
final class ApplyUrgency {
    static final int NICE = -10;

    private final Platform os;
    private final long tid;
    private final int before;

    private ApplyUrgency(Platform os, long tid, int before) {
        this.os = os;
        this.tid = tid;
        this.before = before;
    }

    /** Raises the calling thread's priority; null when it is not raised. */
    static ApplyUrgency raise(Platform os) {
        try {
            long tid = os.currentThreadId();
            int before = os.niceness(tid);
            if (before <= NICE) {
                return null;
            }
            os.setNiceness(tid, NICE);
            return new ApplyUrgency(os, tid, before);
        } catch (OsException e) {
            Log.debug("level applied at the thread's own priority: %s", e.getMessage());
            return null;
        }
    }

    /** Gives the thread its own nice value back (lowering a priority needs no privilege). */
    void lower() {
        try {
            os.setNiceness(tid, before);
        } catch (OsException e) {
            Log.warn("thread %d stays at nice %d after applying: %s", tid, NICE, e.getMessage());
        }
    }
}
