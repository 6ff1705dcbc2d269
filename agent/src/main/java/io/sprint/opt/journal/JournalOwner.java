package io.sprint.opt.journal;

import io.sprint.opt.platform.ProcessId;
import io.sprint.opt.platform.ProcessStart;
import java.time.Instant;

/**
 * The process a journal belongs to: its pid and its start time, so that a pid the kernel has
 * given to a new process since is never mistaken for the JVM that wrote the journal.
 */
public record JournalOwner(long pid, long startMillis) {
    /** This JVM, read once. */
    public static JournalOwner current() {
        return Self.OWNER;
    }

    private static final class Self {
        static final JournalOwner OWNER = new JournalOwner(ProcessId.current(),
                Math.max(0, ProcessStart.millis(ProcessId.current())));
    }

    /** Whether the process that wrote the journal still runs: its pid, started when the journal says. */
    public boolean alive() {
        long start = ProcessStart.millis(pid);
        return start >= 0 && start == startMillis;
    }

    /** The journal's file name: {@code PID-STARTMILLIS.journal}. */
    String fileName() {
        return pid + "-" + startMillis + HostJournal.SUFFIX;
    }

    /** The owner a journal's file name names, or null for another file. */
    static JournalOwner ofFileName(String name) {
        if (!name.endsWith(HostJournal.SUFFIX)) {
            return null;
        }
        String[] parts = name.substring(0, name.length() - HostJournal.SUFFIX.length()).split("-", -1);
        try {
            return parts.length == 2 ? new JournalOwner(Long.parseLong(parts[0]), Long.parseLong(parts[1])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + " (started " + Instant.ofEpochMilli(startMillis) + ")";
    }
}
