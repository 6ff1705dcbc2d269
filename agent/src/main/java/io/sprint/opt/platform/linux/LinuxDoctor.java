package io.sprint.opt.platform.linux;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code doctor} on Linux: what this host lets a latency profile do, from the same probes the
 * actions and {@code plan} use, each with the next step where one is worth taking.
 */
final class LinuxDoctor {
    private static final int CAP_SYS_NICE = LinuxHost.CAP_SYS_NICE;
    private static final int CAP_IPC_LOCK = LinuxHost.CAP_IPC_LOCK;

    private final LinuxHost host;

    LinuxDoctor(LinuxHost host) {
        this.host = host;
    }

    /** @param chosen the cores a level would give pinned threads, or null for all usable ones */
    List<Check> checks(CpuList chosen) {
        List<Check> checks = new ArrayList<>();
        CpuList usable = host.allowedCpus();
        CpuList cores = chosen == null ? usable : chosen.intersect(usable);
        checks.add(memoryLock());
        checks.add(realTime());
        checks.add(new Check("timer slack", host.hasCapability(CAP_SYS_NICE) ? "ok" : "warn",
                host.hasCapability(CAP_SYS_NICE) ? "CAP_SYS_NICE: every thread's slack can be set"
                        : "no CAP_SYS_NICE: other threads' slack cannot be set",
                host.hasCapability(CAP_SYS_NICE) ? "" : Remedies.SYS_NICE));
        checks.add(rtThrottling());
        checks.add(transparentHugePages());
        checks.add(isolation());
        checks.add(governor());
        checks.add(new Check("NUMA", "info", host.numaNodes() + " node(s)" + nodeCpus(), ""));
        checks.add(cgroup(usable));
        checks.add(irqbalance());
        checks.add(interrupts(cores));
        checks.addAll(new LatencyKnobChecks(host).checks(cores));
        return checks;
    }

    private Check memoryLock() {
        String limit = host.limit("Max locked memory").map(v -> v < 0 ? "unlimited" : v / 1024 + " kB").orElse("?");
        if (host.hasCapability(CAP_IPC_LOCK)) {
            return new Check("memory lock", "ok", "CAP_IPC_LOCK (RLIMIT_MEMLOCK " + limit + ")", "");
        }
        return host.memlockCapable() ? new Check("memory lock", "ok", "RLIMIT_MEMLOCK unlimited", "")
                : new Check("memory lock", "warn", "no CAP_IPC_LOCK, RLIMIT_MEMLOCK " + limit, Remedies.MEMLOCK);
    }

    private Check realTime() {
        String limit = host.limit("Max realtime priority").map(String::valueOf).orElse("?");
        if (host.cgroupDeniesRealTime()) {
            return new Check("real-time scheduling", "warn", "cgroup cpu.rt_runtime_us 0", Remedies.RT_CGROUP);
        }
        if (host.hasCapability(CAP_SYS_NICE)) {
            return new Check("real-time scheduling", "ok", "CAP_SYS_NICE (RLIMIT_RTPRIO " + limit + ")", "");
        }
        return host.rtCapable() ? new Check("real-time scheduling", "ok", "RLIMIT_RTPRIO " + limit, "")
                : new Check("real-time scheduling", "warn", "no CAP_SYS_NICE, RLIMIT_RTPRIO " + limit, Remedies.SYS_NICE);
    }

    private Check rtThrottling() {
        Optional<String> runtime = LinuxHost.read(host.proc().resolve("sys/kernel/sched_rt_runtime_us"));
        Optional<String> period = LinuxHost.read(host.proc().resolve("sys/kernel/sched_rt_period_us"));
        if (runtime.isEmpty() || period.isEmpty()) {
            return new Check("RT throttling", "info", "not exposed", "");
        }
        long run = Long.parseLong(runtime.get());
        if (run < 0) {
            return new Check("RT throttling", "ok", "off (sched_rt_runtime_us -1)", "");
        }
        double share = 100.0 * run / Long.parseLong(period.get());
        return new Check("RT throttling", "info", String.format(Locale.ROOT, "RT threads get at most %.0f %% of each"
                + " %s µs (sched_rt_runtime_us %d)", share, period.get(), run), Remedies.RT_THROTTLING);
    }

    private Check transparentHugePages() {
        String mode = host.thpMode();
        switch (mode) {
            case "madvise":
                return new Check("transparent huge pages", "ok", "madvise: the heap gets them where advised", "");
            case "always":
                return new Check("transparent huge pages", "info", "always: every mapping may get them (and compaction"
                        + " stalls: defrag " + LinuxHost.read(host.sys().resolve("kernel/mm/transparent_hugepage/defrag"))
                        .orElse("?") + ")", "");
            default:
                return new Check("transparent huge pages", "warn", mode, "echo madvise >"
                        + " /sys/kernel/mm/transparent_hugepage/enabled");
        }
    }

    private Check isolation() {
        String isolated = LinuxHost.read(host.sys().resolve("devices/system/cpu/isolated")).orElse("");
        String nohz = LinuxHost.read(host.sys().resolve("devices/system/cpu/nohz_full")).orElse("(not in this kernel)");
        boolean any = !isolated.isEmpty();
        return new Check("isolated CPUs", any ? "ok" : "info", "isolcpus " + (any ? isolated : "none") + ", nohz_full "
                + (nohz.isEmpty() ? "none" : nohz), any ? "" : Remedies.ISOLATION);
    }

    private Check governor() {
        TreeSet<String> governors = new TreeSet<>();
        try (Stream<Path> cpus = Files.list(host.sys().resolve("devices/system/cpu"))) {
            cpus.filter(p -> p.getFileName().toString().matches("cpu\\d+"))
                    .forEach(p -> LinuxHost.read(p.resolve("cpufreq/scaling_governor")).ifPresent(governors::add));
        } catch (IOException e) {
            // no /sys: reported as not exposed
        }
        if (governors.isEmpty()) {
            return new Check("CPU governor", "info", "not exposed (a virtual machine, or no cpufreq)", "");
        }
        boolean performance = governors.equals(new TreeSet<>(List.of("performance")));
        return new Check("CPU governor", performance ? "ok" : "warn", String.join(", ", governors),
                performance ? "" : "cpupower frequency-set -g performance");
    }

    private String nodeCpus() {
        StringBuilder text = new StringBuilder();
        host.numaNodeCpus().forEach((node, cpus) ->
                text.append(text.length() == 0 ? ": " : "; ").append("node").append(node).append(' ').append(cpus));
        return text.toString();
    }

    private Check cgroup(CpuList usable) {
        double quota = host.cpuQuota();
        long memory = host.memoryLimitBytes();
        return new Check("cgroup limits", "info", "CPUs " + usable + ", CPU quota "
                + (quota < 0 ? "none" : String.format(Locale.ROOT, "%.2f CPUs", quota)) + ", memory "
                + (memory < 0 ? "no limit" : (memory >> 20) + " MB"), "");
    }

    private Check irqbalance() {
        boolean running = host.pidNamed("irqbalance") != 0;
        return new Check("irqbalance", "info", running ? "running" : "not running",
                running ? "it may move interrupts onto pinned cores: IRQBALANCE_BANNED_CPULIST=<those cores>" : "");
    }

    /** Interrupt sources that have fired on the cores in question, from /proc/interrupts. */
    private Check interrupts(CpuList cores) {
        List<String> lines = LinuxHost.lines(host.proc().resolve("interrupts"));
        if (lines.isEmpty() || cores.isEmpty()) {
            return new Check("interrupts on cores " + cores, "info", "not exposed", "");
        }
        String[] header = lines.get(0).trim().split("\\s+");
        StringBuilder value = new StringBuilder();
        boolean any = false;
        for (int cpu = cores.bits().nextSetBit(0); cpu >= 0; cpu = cores.bits().nextSetBit(cpu + 1)) {
            int column = List.of(header).indexOf("CPU" + cpu);
            if (column < 0) {
                continue;
            }
            int sources = 0;
            long count = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > column + 1 && fields[column + 1].matches("\\d+")) {
                    long n = Long.parseLong(fields[column + 1]);
                    sources += n > 0 ? 1 : 0;
                    count += n;
                }
            }
            any |= sources > 0;
            value.append(value.length() == 0 ? "" : "; ").append("CPU").append(cpu).append(": ").append(sources)
                    .append(" sources, ").append(count).append(" interrupts");
        }
        return new Check("interrupts on cores " + cores, any ? "info" : "ok", value.toString(),
                any ? "move them: echo <other cores> > /proc/irq/N/smp_affinity_list" : "");
    }
}
