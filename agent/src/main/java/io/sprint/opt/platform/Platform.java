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

    long timerSlackNanos(long tid) throws OsException;

    void setTimerSlackNanos(long tid, long nanos) throws OsException;

    /** Locks all current and future memory of the process, as pages are touched. */
    void lockMemory() throws OsException;

    void unlockMemory() throws OsException;

    long lockedKilobytes() throws OsException;

    void adviseHugePages(long address, long length) throws OsException;

    /** Whether every mapping in [address, address + length) carries the huge-page advice. */
    boolean hugePagesAdvised(long address, long length) throws OsException;
}
