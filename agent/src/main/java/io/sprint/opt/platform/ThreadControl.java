package io.sprint.opt.platform;

import java.util.BitSet;
import java.util.List;

/**
 * Threads, their CPUs and their scheduling. Part of {@link Platform}: what an OS does not override, it refuses with the
 * platform's reason for the capability.
 */
public interface ThreadControl {
    /** Native ids of this process's threads. */
    default List<Long> threads() throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_AFFINITY);
    }

    /** The native id of the calling thread. */
    default long currentThreadId() throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_AFFINITY);
    }

    /** The OS's name of thread {@code tid} (Linux: its comm, the first 15 characters), or "" where unknown. */
    default String threadName(long tid) {
        return "";
    }

    default BitSet affinity(long tid) throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_AFFINITY);
    }

    default void setAffinity(long tid, BitSet cpus) throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_AFFINITY);
    }

    default Scheduling scheduling(long tid) throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_SCHEDULING);
    }

    /**
     * Sets a thread's policy. A thread given a real-time policy does not hand it down: threads
     * it creates start with the normal policy (Linux: SCHED_RESET_ON_FORK).
     */
    default void setScheduling(long tid, Scheduling scheduling) throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_SCHEDULING);
    }

    /** A thread's nice value: -20 (most CPU under contention) to 19, 0 by default. */
    default int niceness(long tid) throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_SCHEDULING);
    }

    default void setNiceness(long tid, int nice) throws OsException {
        throw ((Platform) this).unsupported(Capability.THREAD_SCHEDULING);
    }

    /**
     * The real-time policy this OS gives a selected thread: one alone on its dedicated CPU, or
     * one that shares a CPU and so must not starve the others there. POSIX: FIFO alone, RR shared.
     */
    default Scheduling realTime(boolean aloneOnDedicatedCpu, int priority) {
        return Scheduling.realTime(aloneOnDedicatedCpu ? Scheduling.Policy.FIFO : Scheduling.Policy.RR, priority);
    }
}
