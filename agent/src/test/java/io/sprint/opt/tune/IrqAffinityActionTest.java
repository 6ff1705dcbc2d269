package io.sprint.opt.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.HostFile;
import io.sprint.opt.platform.RefusingPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interrupt action through the ledger, over files of a temporary directory standing in for
 * /proc/irq (the kernel's own files are HostWideTest's, e2e): re-applies, other dedicated CPUs,
 * an IRQ with only dedicated CPUs, and restore.
 */
class IrqAffinityActionTest {
    @TempDir
    Path dir;

    /** An OS whose interrupts are three files: IRQ 1 on 0-3, IRQ 2 on 2 only, the default mask f. */
    private final class Irqs extends RefusingPlatform {
        final HostFile one = new HostFile(dir.resolve("1"), HostFile.Format.CPU_LIST);
        final HostFile two = new HostFile(dir.resolve("2"), HostFile.Format.CPU_LIST);
        final HostFile mask = new HostFile(dir.resolve("default"), HostFile.Format.CPU_MASK);

        Irqs() throws IOException {
            Files.writeString(one.path(), "0-3\n");
            Files.writeString(two.path(), "2\n");
            Files.writeString(mask.path(), "f\n");
        }

        @Override
        public String missing(Capability capability) {
            return capability == Capability.IRQ_AFFINITY ? null : super.missing(capability);
        }

        @Override
        public List<HostFile> irqAffinities() {
            return List.of(one, two);
        }

        @Override
        public HostFile defaultIrqAffinity() {
            return mask;
        }
    }

    @Test
    void reAppliedWithOtherCpusItStillPutsEveryOneBack() throws Exception {
        Irqs os = new Irqs();
        HostJournal journal = HostJournal.of(dir.resolve("journal"));
        Ledger ledger = new Ledger();

        Ledger.Transaction first = ledger.begin();
        ActionRecord applied = new IrqAffinityAction(os, CpuList.of(2), CpuList.of(0), journal).apply(first);
        first.commit();
        assertEquals(ActionStatus.APPLIED, applied.status(), applied.toString());
        assertEquals(List.of("0-1,3", "0", "b"), List.of(os.one.read(), os.two.read(), os.mask.read()),
                "CPU 2 out; IRQ 2 had only CPU 2: to the housekeeping CPU");

        Ledger.Transaction same = ledger.begin();
        new IrqAffinityAction(os, CpuList.of(2), CpuList.of(0), journal).apply(same);
        assertEquals(List.of(), same.commit(), "the same level again restores nothing");
        assertEquals("0-1,3", os.one.read());

        Ledger.Transaction other = ledger.begin();
        new IrqAffinityAction(os, CpuList.of(3), CpuList.of(0), journal).apply(other);
        other.commit();
        assertEquals("0-1", os.one.read(), "CPU 3 out too");

        List<ActionRecord> restored = ledger.restoreAll();
        assertTrue(restored.stream().allMatch(r -> r.status() == ActionStatus.RESTORED), restored.toString());
        assertEquals(List.of("0-3", "2", "f"), List.of(os.one.read(), os.two.read(), os.mask.read()));
        journal.retain(ledger::holds);
        assertTrue(journal.isEmpty());
        assertTrue(Files.notExists(journal.path()));
    }
}
