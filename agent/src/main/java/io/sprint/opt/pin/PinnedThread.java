package io.sprint.opt.pin;

import io.sprint.opt.platform.Scheduling;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** A selected thread: what it had before, what it got (as read back from the OS), what failed. */
final class PinnedThread {
    final Thread thread;
    final long tid;
    /** Null when no CPU is dedicated to it. */
    final BitSet originalCpus;
    final Scheduling originalScheduling;
    /** -1 when it could not be read (no CAP_SYS_NICE is needed to read, so rarely). */
    final long originalSlack;
    /** The dedicated CPU, or -1. */
    int cpu = -1;
    /** The NUMA node whose memory it prefers (set on itself), or -1. */
    int memoryNode = -1;
    Scheduling scheduling;
    final List<String> problems = new ArrayList<>();
    /** How deep this thread is inside Thread.start (it steps off its CPU while it starts others). */
    int starting;

    PinnedThread(Thread thread, long tid, BitSet originalCpus, Scheduling originalScheduling, long originalSlack) {
        this.thread = thread;
        this.tid = tid;
        this.originalCpus = originalCpus;
        this.originalScheduling = originalScheduling;
        this.originalSlack = originalSlack;
    }

    String policy() {
        return (scheduling == null ? originalScheduling : scheduling).toString();
    }

    /** One log line: {@code relay-1 (tid 4242) on CPU 1, SCHED_FIFO 10}. */
    String describe() {
        String text = thread.getName() + " (tid " + tid + ")" + (cpu >= 0 ? " on CPU " + cpu : "") + ", " + policy()
                + (memoryNode >= 0 ? ", memory from node " + memoryNode : "");
        return problems.isEmpty() ? text : text + "; " + String.join("; ", problems);
    }
}
