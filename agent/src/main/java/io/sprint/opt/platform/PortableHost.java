package io.sprint.opt.platform;

import io.sprint.opt.config.CpuList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Host facts where the OS offers no /proc or /sys: what the JDK knows (the processor count it
 * was given), and "none" or "unknown" for the rest rather than a guess.
 */
public final class PortableHost implements Host {
    private final String os;

    public PortableHost(String os) {
        this.os = os;
    }

    @Override
    public CpuList allowedCpus() {
        return CpuList.range(0, Runtime.getRuntime().availableProcessors());
    }

    /** The processors the JDK was given, one thread per core as far as anyone here can tell. */
    @Override
    public CpuTopology topology() {
        return new CpuTopology(allowedCpus(), CpuList.NONE, CpuList.NONE, Map.of(), Map.of());
    }

    @Override
    public double cpuQuota() {
        return -1;
    }

    @Override
    public long memoryLimitBytes() {
        return -1;
    }

    @Override
    public SortedMap<Integer, CpuList> numaNodeCpus() {
        return new TreeMap<>();
    }

    @Override
    public String thpMode() {
        return "unavailable";
    }

    @Override
    public boolean rtCapable() {
        return false;
    }

    @Override
    public boolean memlockCapable() {
        return false;
    }

    @Override
    public double gcThreadsCpuSeconds() {
        return -1;
    }

    @Override
    public List<Check> doctor(CpuList cores) {
        return List.of(new Check("host checks", "info", "not available on " + os
                + " (they read Linux's /proc and /sys)", ""));
    }
}
