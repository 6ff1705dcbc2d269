package io.sprint.opt.tune;

import io.sprint.opt.action.SettingAction;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.HostFile;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Interrupts off the dedicated CPUs: every IRQ whose CPUs include one is left with the others
 * (the housekeeping CPUs when it had only dedicated ones), and so are interrupts registered from
 * now on ({@code default_smp_affinity}). A running irqbalance would move them back: the record
 * says so, with the setting that keeps it off those CPUs.
 */
public final class IrqAffinityAction extends HostFilesAction {
    private final CpuList dedicated;
    private final CpuList housekeeping;

    public IrqAffinityAction(Platform os, CpuList dedicated, CpuList housekeeping, HostJournal journal) {
        super("irq-affinity", "off CPUs " + dedicated, os, Capability.IRQ_AFFINITY, journal);
        this.dedicated = dedicated;
        this.housekeeping = housekeeping;
    }

    @Override
    protected List<Change> changes() throws OsException, IOException {
        List<Change> changes = new ArrayList<>();
        List<HostFile> files = new ArrayList<>(os.irqAffinities());
        files.add(os.defaultIrqAffinity());
        for (HostFile file : files) {
            String text = file.read();
            CpuList now = file.cpus(text);
            if (!now.intersect(dedicated).isEmpty() || changedByUs(file)) {
                CpuList next = now.minus(dedicated);
                changes.add(new Change(file, text, file.text(next.isEmpty() ? housekeeping : next), dedicated,
                        housekeeping));
            }
        }
        return changes;
    }

    @Override
    protected SettingAction.Denied caveat() {
        long balancer = os.irqBalancer();
        return balancer == 0 ? null : new SettingAction.Denied("irqbalance (pid " + balancer + ") runs and will move"
                + " them back", "keep irqbalance off the dedicated CPUs: IRQBALANCE_BANNED_CPULIST=" + dedicated
                + " (older versions: IRQBALANCE_BANNED_CPUS=" + dedicated.toMask()
                + ") in /etc/default/irqbalance or /etc/sysconfig/irqbalance, then restart it");
    }
}
