package io.sprint.opt.threads;

/**
 * Native threads one part of the agent tunes one by one (pinned threads), which the process-wide
 * per-thread settings (CPU masks, timer slack) leave alone. A thread is claimed at any moment —
 * it starts, or is renamed, under a pinned name — so a setting checks and writes each thread
 * holding {@link #lock()}, which claiming holds too: otherwise a claim made between its check
 * and its write would have its value written over (a pinned relay thread put back on the
 * housekeeping CPUs).
 */
public interface ThreadClaims {
    /** Whether native thread {@code tid} is tuned one by one. */
    boolean claimed(long tid);

    /** Held while a thread is claimed and its value written. */
    Object lock();
}
