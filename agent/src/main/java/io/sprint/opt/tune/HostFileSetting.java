package io.sprint.opt.tune;

import io.sprint.opt.action.Setting;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.journal.JournalEntry;
import io.sprint.opt.platform.HostFile;
import java.io.IOException;

/**
 * A host-wide setting in a kernel file, as the ledger sees it. For a CPU set only this JVM's CPUs
 * count: writing takes them out or puts them back and leaves other JVMs' as they are. Which CPUs
 * are this JVM's the journal says (all it took out since the original), so a re-apply that
 * dedicates other CPUs is restored whole.
 */
final class HostFileSetting implements Setting<String> {
    private final HostFile file;
    private final HostJournal journal;
    private final CpuList instead;

    /** @param instead where an interrupt goes when taking out this JVM's CPUs would leave it none */
    HostFileSetting(HostFile file, HostJournal journal, CpuList instead) {
        this.file = file;
        this.journal = journal;
        this.instead = instead;
    }

    private CpuList ours() {
        JournalEntry entry = journal.entry(key());
        return entry == null ? CpuList.NONE : entry.ours();
    }

    @Override
    public String key() {
        return file.path().toString();
    }

    @Override
    public String read() throws IOException {
        return file.read();
    }

    @Override
    public void write(String value) throws IOException {
        file.set(value, ours(), instead);
    }

    /** Restore takes away again what had to be added instead, as {@code restore --stale} would. */
    @Override
    public void writeBack(String original) throws IOException {
        JournalEntry entry = journal.entry(key());
        if (entry == null) {
            file.write(original);
        } else {
            file.putBack(original, entry.ours(), entry.added());
        }
    }

    @Override
    public boolean same(String read, String written) {
        JournalEntry entry = journal.entry(key());
        return file.same(read, written, entry == null ? CpuList.NONE : entry.ours().union(entry.added()));
    }
}
