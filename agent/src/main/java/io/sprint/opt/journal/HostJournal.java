package io.sprint.opt.journal;

import io.sprint.opt.log.Log;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * This JVM's journal of host-wide settings: the original of every kernel file it is about to
 * change, on disk before the change, so that what outlives the JVM can be put back after a
 * {@code kill -9} ({@link StaleJournals}). One file per JVM, {@code DIR/PID-START.journal},
 * replaced whole at each change (written beside it, renamed over it): a JVM that dies while
 * saving leaves the old journal or the new one, never half of one. Deleted when everything in it
 * is put back.
 *
 * <p>The directory is the owner's alone (0755): {@code restore --stale}, run as root, writes
 * what journals say, so it reads only journals nobody else could have written.
 */
public final class HostJournal {
    static final String SUFFIX = ".journal";
    static final String HEADER = "sprint-opt host journal 1";
    static final String END = "end";
    private static final Map<Path, HostJournal> BY_DIRECTORY = new HashMap<>();

    private final Path directory;
    private final JournalOwner owner;
    private final Map<String, JournalEntry> entries = new LinkedHashMap<>();

    HostJournal(Path directory, JournalOwner owner) {
        this.directory = directory;
        this.owner = owner;
    }

    /**
     * Where every JVM of the host journals: one place, whatever each JVM's options, so that the
     * next agent start and {@code restore --stale} find what any JVM left. /run is emptied at boot,
     * as the settings are.
     */
    public static final Path DIRECTORY = Path.of("/run/sprint-opt/journal");

    /** This JVM's journal in {@link #DIRECTORY}. */
    public static HostJournal current() {
        return of(DIRECTORY);
    }

    public Path directory() {
        return directory;
    }

    /** This JVM's journal in {@code directory}. */
    public static synchronized HostJournal of(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        HostJournal journal = BY_DIRECTORY.get(dir);
        if (journal == null) {
            journal = new HostJournal(dir, JournalOwner.current());
            BY_DIRECTORY.put(dir, journal);
        }
        return journal;
    }

    /** Every journal of this JVM (one per directory it used). */
    public static synchronized List<HostJournal> every() {
        return new ArrayList<>(BY_DIRECTORY.values());
    }

    public Path path() {
        return directory.resolve(owner.fileName());
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    public synchronized boolean holds(String key) {
        return entries.containsKey(key);
    }

    /**
     * Adds the originals not journaled yet and puts the journal on disk, before the caller
     * changes anything: a setting not journaled must not be changed.
     *
     * @throws IOException when the journal cannot be written
     */
    public synchronized void record(List<JournalEntry> originals) throws IOException {
        boolean changed = false;
        for (JournalEntry entry : originals) {
            JournalEntry known = entries.get(entry.key());
            if (known == null) {
                entries.put(entry.key(), entry);
                changed = true;
            } else if (known.widens(entry)) {
                // A re-apply that dedicates other CPUs: restore must put back those too.
                entries.put(entry.key(), known.widenedBy(entry));
                changed = true;
            }
        }
        if (changed) {
            save();
        }
    }

    /** What this JVM journaled of {@code key}, or null: the CPUs it took out since the original, and added. */
    public synchronized JournalEntry entry(String key) {
        return entries.get(key);
    }

    /** Forgets the settings {@code keep} rejects (put back, or never changed); deletes an empty journal. */
    public synchronized void retain(Predicate<String> keep) {
        if (entries.keySet().removeIf(keep.negate())) {
            try {
                save();
            } catch (IOException e) {
                Log.warn("host journal %s: %s", path(), e.getMessage());
            }
        }
    }

    /**
     * Puts back every setting in it, newest first, and deletes the journal once all are back
     * (the JVM's exit, with {@code on-exit=restore}).
     *
     * @return one line per setting: what changed, or why it could not be put back
     */
    public synchronized List<String> restore() {
        List<String> lines = new ArrayList<>();
        List<JournalEntry> newestFirst = new ArrayList<>(entries.values());
        Collections.reverse(newestFirst);
        for (JournalEntry entry : newestFirst) {
            try {
                lines.add(entry.putBack());
                entries.remove(entry.key());
            } catch (IOException | RuntimeException e) {
                lines.add(entry.key() + ": not put back: " + e.getMessage());
            }
        }
        try {
            save();
        } catch (IOException e) {
            lines.add(path() + ": " + e.getMessage());
        }
        return lines;
    }

    /** Takes over entries read from a dead JVM's journal, to save those that could not be put back. */
    synchronized void adopt(List<JournalEntry> left) {
        for (JournalEntry entry : left) {
            entries.put(entry.key(), entry);
        }
    }

    void save() throws IOException {
        Path file = path();
        if (entries.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        ensureDirectory();
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("owner\t").append(owner.pid()).append('\t').append(owner.startMillis()).append('\n');
        for (JournalEntry entry : entries.values()) {
            text.append(entry.line()).append('\n');
        }
        text.append(END).append('\n');
        Path next = directory.resolve("." + owner.fileName() + ".tmp");
        // Not synced: the journal must outlive the JVM, which the page cache does; what it records
        // does not outlive the host (a boot resets every kernel setting, and empties /run).
        try (OutputStream out = new FileOutputStream(next.toFile())) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Creates the directory as its owner's alone, and refuses one others could write into. */
    private void ensureDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            Files.setAttribute(directory, "unix:mode", 0755);
        }
        String unsafe = StaleJournals.unsafe(directory);
        if (unsafe != null) {
            throw new IOException(unsafe);
        }
    }
}
