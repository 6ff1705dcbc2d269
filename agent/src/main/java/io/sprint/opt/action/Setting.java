package io.sprint.opt.action;

import java.util.List;
import java.util.Objects;

/**
 * Something the agent can read and write: a VM flag, a system property, a thread's CPU mask.
 * The ledger reads it before the first write, keeps that original, and verifies every write by
 * reading back.
 */
public interface Setting<T> {
    /** Identity in the ledger and the name users see, e.g. {@code SoftMaxHeapSize}. */
    String key();

    T read() throws Exception;

    void write(T value) throws Exception;

    /**
     * Restore's write of the original; the same as {@link #write} unless bringing a setting back
     * differs from setting it (a CPU set shared with other JVMs: only what this one changed).
     */
    default void writeBack(T original) throws Exception {
        write(original);
    }

    /**
     * How this setting differs now from {@code applied}, the value read back when it was applied:
     * one drift, or one per thread for a per-thread setting (threads started since are not
     * drift: they get what the level gives new threads). Empty when it is still in force.
     */
    default List<Drift> drift(T applied) throws Exception {
        T now = read();
        return same(now, applied) ? List.of() : List.of(Drift.of(key(), format(applied), format(now)));
    }

    /** Puts back what {@link #drift} found: the default writes {@code applied} again. */
    default void reapply(T applied) throws Exception {
        write(applied);
    }

    /** Whether a value read back counts as the one written. */
    default boolean same(T read, T written) {
        return Objects.equals(read, written);
    }

    /**
     * What restore leaves when the original is {@code original} and no write can bring it back
     * (Linux has no madvise back to "no advice"), or null when it can. Restore then reads nothing:
     * reading back such a setting can cost more than the whole restore (/proc/self/smaps of a JVM
     * with thousands of threads).
     */
    default String cannotRestore(T original) {
        return null;
    }

    /**
     * Whether restore writes this setting back after every other one: a walk over all of the
     * process's threads (CPU mask, timer slack) must come last, after the threads tuned one by one
     * (pinned threads) are handed back, so that it reaches every thread, those started since too.
     */
    default boolean restoredLast() {
        return false;
    }

    default String format(T value) {
        return String.valueOf(value);
    }
}
