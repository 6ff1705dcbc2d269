package io.sprint.opt.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * The process a journal belongs to: its pid and its start time, so that a pid the kernel has
 * given to a new process since is never mistaken for the JVM that wrote the journal.
 */
public record JournalOwner(long pid, long startMillis) {
    /** This JVM; asked once (ProcessHandle's first use costs a cold JVM milliseconds), possibly ahead. */
    public static JournalOwner current() {
        return Self.OWNER;
    }

    private static final class Self {
        static final JournalOwner OWNER = of(ProcessHandle.current());

        private static JournalOwner of(ProcessHandle self) {
            return new JournalOwner(self.pid(), startOf(self).orElse(0L));
        }
    }

    // no lambdas on this path: the first journal is opened while the level goes in force
    private static Optional<Long> startOf(ProcessHandle process) {
        Optional<Instant> start = process.info().startInstant();
        return start.isPresent() ? Optional.of(start.get().toEpochMilli()) : Optional.empty();
    }

    /** Whether the process that wrote the journal still runs. */
    public boolean alive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Long> start = startOf(process.get());
        return start.isPresent() && start.get() == startMillis;
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
