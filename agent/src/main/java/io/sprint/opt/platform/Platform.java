package io.sprint.opt.platform;

import java.util.BitSet;
import java.util.List;

/**
 * The OS layer: everything sprint-opt asks of the operating system, per thread where the OS
 * allows it. One implementation per OS, chosen at run time by {@link Platforms}; what an OS
 * cannot do throws {@link OsException#unsupported}, and the action reports it as skipped.
 * Reads go to the OS's own accounting (Linux: /proc), not to our memory of what we wrote.
 */
public interface Platform {
    String name();

    /** Native ids of this process's threads. */
    List<Long> threads() throws OsException;

    BitSet affinity(long tid) throws OsException;

    void setAffinity(long tid, BitSet cpus) throws OsException;

    /** The native id of the calling thread. */
    long currentThreadId() throws OsException;

    Scheduling scheduling(long tid) throws OsException;

    /**
     * Sets a thread's policy. A thread given a real-time policy does not hand it down: threads it
     * creates start with the normal policy (Linux: SCHED_RESET_ON_FORK).
     */
    void setScheduling(long tid, Scheduling scheduling) throws OsException;

    /**
     * The real-time policy this OS gives a selected thread: one alone on its dedicated CPU, or one
     * that shares a CPU and so must not starve the others there. POSIX: FIFO alone, RR shared.
     */
    default Scheduling realTime(boolean aloneOnDedicatedCpu, int priority) {
        return Scheduling.realTime(aloneOnDedicatedCpu ? Scheduling.Policy.FIFO : Scheduling.Policy.RR, priority);
    }

    long timerSlackNanos(long tid) throws OsException;

    void setTimerSlackNanos(long tid, long nanos) throws OsException;

    /**
     * Whether this OS sharpens timers for the whole process (Windows' timer resolution) rather than
     * per thread (timer slack).
     */
    default boolean timerPeriodPerProcess() {
        return false;
    }

    /** The timer period this process holds (Windows timeBeginPeriod), in ns; 0 when it holds none. */
    default long timerPeriodNanos() throws OsException {
        throw OsException.unsupported("a process-wide timer period", name());
    }

    /** Holds the timer period at {@code nanos} for this process, or releases it (0). */
    default void setTimerPeriodNanos(long nanos) throws OsException {
        throw OsException.unsupported("a process-wide timer period", name());
    }

    /** Locks all current and future memory of the process, as pages are touched. */
    void lockMemory() throws OsException;

    void unlockMemory() throws OsException;

    long lockedKilobytes() throws OsException;

    void adviseHugePages(long address, long length) throws OsException;

    /** Whether every mapping in [address, address + length) carries the huge-page advice. */
    boolean hugePagesAdvised(long address, long length) throws OsException;
}
