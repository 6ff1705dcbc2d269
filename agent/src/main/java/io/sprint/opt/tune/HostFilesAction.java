package io.sprint.opt.tune;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.action.Plan;
import io.sprint.opt.action.SettingAction;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.journal.JournalEntry;
import io.sprint.opt.journal.StaleJournals;
import io.sprint.opt.log.Log;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.HostFile;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Host-wide settings in several kernel files at once, each journaled before the first write:
 * they outlive the JVM. A file the kernel refuses to change (an interrupt it manages itself) is
 * listed, not a failure; the others are changed and read back one by one through the ledger.
 */
abstract class HostFilesAction implements Action {
    /** One file, as read now ({@code now}), to change to {@code target}, this JVM's CPUs being {@code ours}. */
    record Change(HostFile file, String now, String target, CpuList ours, CpuList instead) {
    }

    protected final Platform os;
    private final Capability capability;
    private final HostJournal journal;
    private final String name;
    private final String target;

    HostFilesAction(String name, String target, Platform os, Capability capability, HostJournal journal) {
        this.name = name;
        this.target = target;
        this.os = os;
        this.capability = capability;
        this.journal = journal;
    }

    @Override
    public final String name() {
        return name;
    }

    /** The files to change, read now; an empty list when nothing needs changing. */
    protected abstract List<Change> changes() throws OsException, IOException;

    /**
     * Whether this JVM changed {@code file} and has not put it back: a re-apply must touch it
     * again, or committing the new level would count it as no longer wanted and restore it.
     */
    protected final boolean changedByUs(HostFile file) {
        return journal.holds(file.path().toString());
    }

    /**
     * What may undo the changes (a daemon such as irqbalance) and what keeps it off them, asked
     * once per plan or apply; null for nothing. An apply with a caveat is applied in part.
     */
    protected SettingAction.Denied caveat() {
        return null;
    }

    private static String said(SettingAction.Denied caveat) {
        return caveat == null ? "" : "; " + caveat.why();
    }

    private String unavailable() {
        String missing = os.whyNot(capability);
        return missing != null ? missing : os.denied(capability);
    }

    @Override
    public Plan plan() {
        String why = unavailable();
        if (why != null) {
            return Plan.skip(name, target, os.denied(capability) == null ? why : why + "; " + os.remedy(capability));
        }
        try {
            List<Change> changes = changes();
            return Plan.apply(name, target, changes.size() + " file(s): " + listed(changes) + said(caveat()));
        } catch (OsException | IOException e) {
            return Plan.fail(name, target, Ledger.describe(e));
        }
    }

    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        String missing = os.whyNot(capability);
        if (missing != null) {
            return ActionRecord.skipped(name, target, missing);
        }
        String denied = os.denied(capability);
        if (denied != null) {
            return ActionRecord.denied(name, target, denied, os.remedy(capability));
        }
        List<Change> changes;
        try {
            adoptStale();
            changes = changes();
            List<JournalEntry> originals = new ArrayList<>();
            for (Change change : changes) {
                originals.add(original(change));
            }
            journal.record(originals);
        } catch (OsException | IOException e) {
            return ActionRecord.failed(name, target, "nothing changed: " + Ledger.describe(e));
        }
        List<String> changed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Change change : changes) {
            try {
                changed.add(transaction.set(name, new HostFileSetting(change.file(), journal, change.instead()),
                        change.target()));
            } catch (IOException e) {
                if (!HostFile.refusedByKernel(e)) {
                    return ActionRecord.failed(name, target, change.file() + " → " + change.target() + ": "
                            + Ledger.describe(e) + (changed.isEmpty() ? "" : "; changed before it: " + changed));
                }
                refused.add(change.file().toString());
            } catch (Exception e) {
                return ActionRecord.failed(name, target, change.file() + " → " + change.target() + ": "
                        + Ledger.describe(e));
            }
        }
        String detail = (changed.isEmpty() ? "nothing to change" : shortened(changed))
                + (refused.isEmpty() ? "" : "; the kernel keeps " + refused.size() + " as they are (it manages them): "
                + String.join(", ", refused));
        SettingAction.Denied caveat = caveat();
        return caveat == null ? ActionRecord.applied(name, target, detail)
                : ActionRecord.appliedInPart(name, target, detail + said(caveat), caveat.remedy());
    }

    /** Every change on a small host; on one with hundreds of interrupts, the first few and a count. */
    private static String shortened(List<String> changed) {
        int shown = Math.min(changed.size(), SHOWN);
        String first = String.join("; ", changed.subList(0, shown));
        return changed.size() > shown ? first + "; and " + (changed.size() - shown) + " more" : first;
    }

    private static final int SHOWN = 24;

    /**
     * Puts back first what JVMs that ended without restoring left in the journal directory:
     * otherwise their leftovers would be journaled as this JVM's originals, and restored as such.
     */
    private void adoptStale() throws IOException {
        if (StaleJournals.find(journal.directory()).isEmpty()) {
            return;
        }
        StaleJournals.Outcome stale = StaleJournals.restore(journal.directory(), StaleJournals.KERNEL_FILES);
        Log.info("%s: first put back what %d JVM(s) that ended without restoring left: %s", name, stale.journals(),
                String.join("; ", stale.lines()));
    }

    /** The file's value as read, and the CPUs the change takes out and (an IRQ left with none) puts in. */
    private static JournalEntry original(Change change) {
        HostFile file = change.file();
        CpuList added = file.format() == HostFile.Format.TEXT ? CpuList.NONE
                : file.cpus(change.target()).minus(file.cpus(change.now()));
        return new JournalEntry(file, change.now(), change.ours(), added);
    }

    private static String listed(List<Change> changes) {
        List<String> files = new ArrayList<>();
        for (Change change : changes) {
            files.add(change.file() + " → " + change.target());
        }
        return shortened(files);
    }
}
