package io.sprint.opt.journal;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.HostFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One host-wide setting as it was before this JVM changed it: the file, its original value, and
 * for a CPU set the CPUs this JVM took out (only those are put back).
 */
public record JournalEntry(HostFile file, String original, CpuList ours) {
    private static final String SEPARATOR = "\t";

    public String key() {
        return file.path().toString();
    }

    /** One line of the journal: {@code FORMAT<TAB>ORIGINAL<TAB>OURS<TAB>PATH}. */
    String line() {
        return String.join(SEPARATOR, file.format().name(), original, ours.toString(), key());
    }

    /** @throws IllegalArgumentException when {@code line} is not a whole entry */
    static JournalEntry parse(String line) {
        String[] fields = line.split(SEPARATOR, -1);
        if (fields.length != 4 || fields[1].isEmpty() || fields[3].isEmpty()) {
            throw new IllegalArgumentException("not a journal entry: " + line);
        }
        HostFile file = new HostFile(Path.of(fields[3]), HostFile.Format.valueOf(fields[0]));
        if (file.format() != HostFile.Format.TEXT) {
            file.cpus(fields[1]);
        }
        return new JournalEntry(file, fields[1], CpuList.parseOrNone(fields[2]));
    }

    /**
     * Puts the original back (for a CPU set, this JVM's CPUs only) and reads it back.
     *
     * @return what changed, as users read it: {@code /proc/irq/36/smp_affinity_list 0 → 0-1}
     */
    public String putBack() throws IOException {
        String before = file.read();
        if (!file.same(before, original, ours)) {
            file.set(original, ours, file.format() == HostFile.Format.TEXT ? CpuList.NONE : file.cpus(original));
        }
        String after = file.read();
        if (!file.same(after, original, ours)) {
            throw new IOException(key() + " reads " + after + " after writing back " + original);
        }
        return key() + " " + before + " → " + after;
    }
}
