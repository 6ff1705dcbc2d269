package io.sprint.opt.tune;

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
 * No idle state on the dedicated CPUs: each one's wake-up latency limit at its strictest
 * ({@code n/a}: the kernel ABI's "no resume latency accepted", so cpuidle keeps the CPU polling),
 * the original back on restore. The pinned thread wakes without a C-state exit in the way.
 */
public final class ResumeLatencyAction extends HostFilesAction {
    private final CpuList dedicated;

    public ResumeLatencyAction(Platform os, CpuList dedicated, HostJournal journal) {
        super("cpu-resume-latency", "CPUs " + dedicated + ": " + os.strictestResumeLatency(), os,
                Capability.CPU_RESUME_LATENCY, journal);
        this.dedicated = dedicated;
    }

    @Override
    protected List<Change> changes() throws OsException, IOException {
        List<Change> changes = new ArrayList<>();
        for (int cpu : dedicated.toArray()) {
            HostFile file = os.resumeLatency(cpu);
            changes.add(new Change(file, file.read(), os.strictestResumeLatency(), CpuList.NONE, CpuList.NONE));
        }
        return changes;
    }
}
