package io.sprint.opt.journal;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.HostFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One host-wide setting as it was before this JVM changed it: the file, its original value, and
 * for a CPU set the CPUs this JVM took out ({@code ours}: only those are put back) and those it
 * had to put in instead ({@code added}: an interrupt left with no CPU; taken away again).
 */
public record JournalEntry(HostFile file, String original, CpuList ours, CpuList added) {
    /** A setting whose change adds no CPU. */
    public JournalEntry(HostFile file, String original, CpuList ours) {
        this(file, original, ours, CpuList.NONE);
    }

    private static final String SEPARATOR = "\t";

    public String key() {
        return file.path().toString();
    }

    /** One line of the journal: {@code FORMAT<TAB>ORIGINAL<TAB>OURS<TAB>ADDED<TAB>PATH}. */
    String line() {
        return String.join(SEPARATOR, file.format().name(), original, ours.toString(), added.toString(), key());
    }

    /** This entry with the CPUs of {@code later} too: a re-apply that dedicated others. */
    JournalEntry widenedBy(JournalEntry later) {
        return new JournalEntry(file, original, ours.union(later.ours), added.union(later.added.minus(ours)));
    }

    /** Whether {@code later} takes or adds a CPU this entry does not know. */
    boolean widens(JournalEntry later) {
        return !later.ours.minus(ours).isEmpty() || !later.added.minus(added).minus(ours).isEmpty();
    }

    /** @throws IllegalArgumentException when {@code line} is not a whole entry */
    static JournalEntry parse(String line) {
        String[] fields = line.split(SEPARATOR, -1);
        if (fields.length != 5 || fields[1].isEmpty() || fields[4].isEmpty()) {
            throw new IllegalArgumentException("not a journal entry: " + line);
        }
        HostFile file = new HostFile(Path.of(fields[4]), HostFile.Format.valueOf(fields[0]));
        if (file.format() != HostFile.Format.TEXT) {
            file.cpus(fields[1]);
        }
        return new JournalEntry(file, fields[1], CpuList.parseOrNone(fields[2]), CpuList.parseOrNone(fields[3]));
    }

    /**
     * Puts the original back (for a CPU set, this JVM's CPUs only) and reads it back.
     *
     * @return what changed, as users read it: {@code /proc/irq/36/smp_affinity_list 0 → 0-1}
     */
    public String putBack() throws IOException {
        String before = file.read();
        if (!file.same(before, original, ours.union(added))) {
            file.putBack(original, ours, added);
        }
        String after = file.read();
        if (!file.same(after, original, ours.union(added))) {
            throw new IOException(key() + " reads " + after + " after writing back " + original);
        }
        return key() + " " + before + " → " + after;
    }
}
