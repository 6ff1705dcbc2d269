package io.sprint.opt.core;

import io.sprint.opt.log.Log;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;

/**
 * The applying thread's share of the CPUs while a level's OS side is applied. At start-up the
 * agent applies beside the application's own start and the JIT's compiler threads: on a two-CPU
 * host its thread got well under half a CPU (53 ms of CPU took 127 ms). Ten nice steps up (-10
 * for a JVM at the default 0) it gets some nine times a normal thread's share for those tens of
 * milliseconds, then its own nice value back; relative to its own, so that a JVM its operator
 * runs niced stays below the others. The agent starts no thread meanwhile (one would inherit
 * the value). Where the process may not raise a priority (no CAP_SYS_NICE, a low RLIMIT_NICE),
 * it applies at the priority it has.
 */
final class ApplyUrgency {
    static final int STEPS = 10;
    private static final int MOST_URGENT = -20;

    private final Platform os;
    private final long tid;
    private final int before;
    private final int raised;

    private ApplyUrgency(Platform os, long tid, int before, int raised) {
        this.os = os;
        this.tid = tid;
        this.before = before;
        this.raised = raised;
    }

    /** Raises the calling thread's priority; null when it is not raised. */
    static ApplyUrgency raise(Platform os) {
        try {
            long tid = os.currentThreadId();
            int before = os.niceness(tid);
            int raised = Math.max(MOST_URGENT, before - STEPS);
            if (raised >= before) {
                return null;
            }
            os.setNiceness(tid, raised);
            return new ApplyUrgency(os, tid, before, raised);
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
            Log.warn("thread %d stays at nice %d after applying: %s", tid, raised, e.getMessage());
        }
    }
}
