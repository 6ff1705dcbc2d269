package io.sprint.opt.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Journals left by JVMs that ended without restoring ({@code kill -9}, a crash, {@code on-exit=keep}):
 * found at the next agent start, put back by {@code restore --stale}.
 */
public final class StaleJournals {
    /** The only files a journal may name: what the agent itself changes. */
    private static final Pattern KERNEL_FILE = Pattern.compile("/proc/irq/(\\d+/smp_affinity_list|default_smp_affinity)"
            + "|/sys/devices/system/cpu/cpu\\d+/power/pm_qos_resume_latency_us");
    public static final Predicate<Path> KERNEL_FILES = new KernelFiles();
    private static final String RESTORING = ".restoring";

    /**
     * What {@code restore --stale} did.
     *
     * @param lines one per journal and per setting
     * @param journals the stale journals found
     * @param left settings that could not be put back (they stay journaled)
     */
    public record Outcome(List<String> lines, int journals, int left) {
    }

    /** A journal as read: whole when its end line is there (else torn, and only its whole lines count). */
    record Journal(JournalOwner owner, List<JournalEntry> entries, boolean whole, List<String> problems) {
    }

    private StaleJournals() {
    }

    /** The owners of the journals in {@code directory} whose JVM has ended. */
    public static List<JournalOwner> find(Path directory) {
        List<JournalOwner> stale = new ArrayList<>();
        for (Path file : journals(directory)) {
            JournalOwner owner = JournalOwner.ofFileName(file.getFileName().toString());
            if (owner != null && !owner.alive()) {
                stale.add(owner);
            }
        }
        return stale;
    }

    /**
     * Puts back what every ended JVM's journal holds and deletes those journals; a journal with a
     * setting that could not be put back stays, holding that setting. Journals of running JVMs
     * are theirs and left alone.
     *
     * @param allowed the files a journal may name (others are refused, not written)
     */
    public static Outcome restore(Path directory, Predicate<Path> allowed) throws IOException {
        List<String> lines = new ArrayList<>();
        int journals = 0;
        int left = 0;
        String unsafe = Files.isDirectory(directory) ? unsafe(directory) : null;
        if (unsafe != null) {
            throw new IOException(unsafe + "; nothing restored");
        }
        for (Path file : journals(directory)) {
            JournalOwner owner = JournalOwner.ofFileName(file.getFileName().toString());
            if (owner == null) {
                continue;
            }
            if (owner.alive()) {
                lines.add(owner + ": still running; its journal is its own (restore " + owner.pid() + ")");
                continue;
            }
            Path claimed = file.resolveSibling("." + file.getFileName() + RESTORING);
            try {
                Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                continue; // another restore --stale took it
            }
            journals++;
            left += restoreOne(directory, claimed, owner, allowed, lines);
        }
        deleteLeftovers(directory);
        return new Outcome(lines, journals, left);
    }

    /** @return how many settings could not be put back */
    private static int restoreOne(Path directory, Path file, JournalOwner owner, Predicate<Path> allowed,
                                  List<String> lines) throws IOException {
        Journal journal = read(file, allowed);
        lines.add(owner + ": " + journal.entries().size() + " setting(s)" + (journal.whole() ? ""
                : ", torn journal (its whole lines only)"));
        journal.problems().forEach(problem -> lines.add("  " + problem));
        List<JournalEntry> left = new ArrayList<>();
        List<JournalEntry> newestFirst = new ArrayList<>(journal.entries());
        Collections.reverse(newestFirst);
        for (JournalEntry entry : newestFirst) {
            try {
                lines.add("  " + entry.putBack());
            } catch (IOException | RuntimeException e) {
                lines.add("  " + entry.key() + ": not put back: " + e.getMessage());
                left.add(0, entry);
            }
        }
        if (!left.isEmpty()) {
            HostJournal keep = new HostJournal(directory, owner);
            keep.adopt(left);
            keep.save();
        }
        Files.deleteIfExists(file);
        return left.size();
    }

    /** Reads a journal: a line that does not parse, or names a file not allowed, is reported and skipped. */
    static Journal read(Path file, Predicate<Path> allowed) throws IOException {
        String unsafe = unsafe(file);
        if (unsafe != null) {
            return new Journal(null, List.of(), false, List.of(unsafe + ": not read"));
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // A last line without its newline was cut off mid-write: it is not a line.
        lines.remove(lines.size() - 1);
        List<String> problems = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        JournalOwner owner = null;
        boolean whole = false;
        if (lines.isEmpty() || !HostJournal.HEADER.equals(lines.get(0))) {
            return new Journal(null, List.of(), false, List.of(file + ": not a sprint-opt journal"));
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.equals(HostJournal.END)) {
                whole = true;
            } else if (line.startsWith("owner\t")) {
                String[] fields = line.split("\t");
                owner = new JournalOwner(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
            } else {
                try {
                    JournalEntry entry = JournalEntry.parse(line);
                    if (allowed.test(entry.file().path())) {
                        entries.add(entry);
                    } else {
                        problems.add(entry.key() + ": not a file sprint-opt changes; refused");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("skipped: " + e.getMessage());
                }
            }
        }
        return new Journal(owner, entries, whole, problems);
    }

    /** Why a journal or its directory cannot be trusted (owned by another user, writable by others), or null. */
    static String unsafe(Path path) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String owner = attributes.owner().getName();
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (!owner.equals("root") && !owner.equals(System.getProperty("user.name"))) {
                return path + " belongs to " + owner + ", neither root nor this user";
            }
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return path + " is writable by others than its owner";
            }
            return attributes.isSymbolicLink() ? path + " is a symbolic link" : null;
        } catch (IOException | UnsupportedOperationException e) {
            return path + ": " + e.getMessage();
        }
    }

    private static List<Path> journals(Path directory) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + HostJournal.SUFFIX)) {
            for (Path entry : entries) {
                files.add(entry);
            }
        } catch (IOException e) {
            return files;
        }
        files.sort(null);
        return files;
    }

    /** Half-written journals (".PID-START.journal.tmp") of JVMs that have ended. */
    private static void deleteLeftovers(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".*" + HostJournal.SUFFIX + ".tmp")) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                JournalOwner owner = JournalOwner.ofFileName(name.substring(1, name.length() - ".tmp".length()));
                if (owner != null && !owner.alive()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // nothing to tidy
        }
    }

    /** A class, not a lambda: journals are opened while a level goes in force (a lambda's first use costs then). */
    private static final class KernelFiles implements Predicate<Path> {
        @Override
        public boolean test(Path path) {
            return KERNEL_FILE.matcher(path.toString()).matches();
        }
    }
}
