package io.sprint.opt.platform.linux;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Check;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code doctor}'s host-wide latency checks, the ones tuned's latency-performance and realtime
 * profiles set: each says what the setting costs a pinned thread and the remedy.
 */
final class LatencyKnobChecks {
    /** How long the kernel threads of the cores are watched. */
    private static final long SAMPLE_MILLIS = 250;

    private final LinuxHost host;

    LatencyKnobChecks(LinuxHost host) {
        this.host = host;
    }

    List<Check> checks(CpuList cores) {
        List<Check> checks = new ArrayList<>();
        checks.add(idleStates());
        checks.add(stalld());
        checks.add(sysctl("kernel.numa_balancing", "0", host.numaNodes() > 1,
                "NUMA balancing unmaps pages to sample them: pinned threads take page faults",
                "sysctl kernel.numa_balancing=0"));
        checks.add(sysctl("kernel.timer_migration", "0", true,
                "timers of idle CPUs move to busy ones, dedicated CPUs included",
                "sysctl kernel.timer_migration=0"));
        checks.add(statInterval());
        checks.add(energyBias());
        checks.add(kernelThreads(cores));
        return checks;
    }

    private Optional<String> sysctl(String name) {
        return LinuxHost.read(host.proc().resolve("sys/" + name.replace('.', '/')));
    }

    private Check idleStates() {
        String driver = LinuxHost.read(host.sys().resolve("devices/system/cpu/cpuidle/current_driver")).orElse("none");
        String limit;
        try {
            limit = new LinuxHostWide(host).idleLimitMicros() + " µs";
        } catch (Exception e) {
            limit = "unknown";
        }
        boolean none = "none".equals(driver);
        return new Check("CPU idle states", none ? "info" : "ok", "cpuidle driver " + driver
                + ", host limit (cpu_dma_latency) " + limit, none
                ? "no idle-state driver (a virtual machine: the hypervisor decides how its CPUs idle), so idle= and"
                + " the dedicated CPUs' resume latency change nothing on this host"
                : "level aggressive and up hold cpu_dma_latency while in force (idle=, idle.latency=)");
    }

    private Check stalld() {
        boolean running = host.pidNamed("stalld") != 0;
        long runtime = sysctl("kernel.sched_rt_runtime_us").map(Long::parseLong).orElse(0L);
        if (running) {
            return new Check("stalld", "ok", "running: kernel threads starved by a busy real-time thread get boosted",
                    "");
        }
        return new Check("stalld", runtime < 0 ? "warn" : "info", "not running" + (runtime < 0
                ? ", and RT throttling is off: a busy-polling SCHED_FIFO thread starves kworkers and ksoftirqd on its CPU"
                : ""), "with RT threads that busy-poll, run stalld (or keep RT throttling)");
    }

    private Check sysctl(String name, String wanted, boolean matters, String why, String remedy) {
        Optional<String> value = sysctl(name);
        if (value.isEmpty()) {
            return new Check(name, "info", "not in this kernel", "");
        }
        boolean good = value.get().equals(wanted);
        return new Check(name, good ? "ok" : matters ? "warn" : "info", value.get() + (good ? "" : ": " + why),
                good || !matters ? "" : remedy);
    }

    private Check statInterval() {
        Optional<String> value = sysctl("vm.stat_interval");
        if (value.isEmpty()) {
            return new Check("vm.stat_interval", "info", "not in this kernel", "");
        }
        boolean often = Long.parseLong(value.get()) < 10;
        return new Check("vm.stat_interval", often ? "warn" : "ok", value.get() + " s" + (often
                ? ": the VM statistics work wakes every CPU that often" : ""),
                often ? "sysctl vm.stat_interval=10 (tuned's latency-performance)" : "");
    }

    private Check energyBias() {
        Optional<String> bias = LinuxHost.read(host.sys().resolve("devices/system/cpu/cpu0/power/energy_perf_bias"));
        if (bias.isEmpty()) {
            return new Check("energy_perf_bias", "info", "not exposed (not Intel, or a virtual machine)", "");
        }
        boolean performance = "0".equals(bias.get());
        return new Check("energy_perf_bias", performance ? "ok" : "warn", bias.get() + (performance ? " (performance)"
                : " (0 is performance, 15 powersave)"), performance ? "" : "x86_energy_perf_policy performance");
    }

    /** CPU time ksoftirqd and kworkers of the cores take, over a short sample: what preempts a pinned thread. */
    private Check kernelThreads(CpuList cores) {
        Map<Path, Integer> threads = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(host.proc())) {
            for (Path process : processes) {
                String comm = LinuxHost.read(process.resolve("comm")).orElse("");
                int cpu = kernelThreadCpu(comm);
                if (cpu >= 0 && cores.contains(cpu)) {
                    threads.put(process, cpu);
                }
            }
        } catch (IOException e) {
            return new Check("kernel threads on cores " + cores, "info", "not exposed", "");
        }
        Map<Path, Long> before = runtimes(threads);
        try {
            Thread.sleep(SAMPLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<Path, Long> after = runtimes(threads);
        double[] busy = new double[CpuList.MAX_CPUS];
        after.forEach((thread, runtime) -> busy[threads.get(thread)] += runtime - before.getOrDefault(thread, runtime));
        StringBuilder value = new StringBuilder();
        boolean any = false;
        for (int cpu : cores.toArray()) {
            double perSecond = busy[cpu] / 1e6 * 1000 / SAMPLE_MILLIS;
            any |= perSecond >= 1;
            value.append(value.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "CPU%d %.2f ms/s", cpu,
                    perSecond));
        }
        return new Check("ksoftirqd/kworker on cores " + cores, any ? "warn" : "ok", value + " over "
                + SAMPLE_MILLIS + " ms", any ? "level turbo's shield= moves interrupts off dedicated CPUs; for"
                + " kworkers, boot with isolcpus=managed_irq,domain and set /sys/devices/virtual/workqueue/cpumask" : "");
    }

    /** The CPU of a per-CPU kernel thread (ksoftirqd/N, kworker/N:M), or -1. */
    static int kernelThreadCpu(String comm) {
        String rest = comm.startsWith("ksoftirqd/") ? comm.substring("ksoftirqd/".length())
                : comm.startsWith("kworker/") ? comm.substring("kworker/".length()) : null;
        if (rest == null) {
            return -1;
        }
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        boolean perCpu = end > 0 && (end == rest.length() || rest.charAt(end) == ':');
        return perCpu ? Integer.parseInt(rest.substring(0, end)) : -1;
    }

    /** Each thread's time on CPU, ns (/proc/PID/schedstat's first field). */
    private static Map<Path, Long> runtimes(Map<Path, Integer> threads) {
        Map<Path, Long> runtimes = new HashMap<>();
        for (Path thread : threads.keySet()) {
            LinuxHost.read(thread.resolve("schedstat"))
                    .ifPresent(stat -> runtimes.put(thread, Long.parseLong(stat.split(" ")[0])));
        }
        return runtimes;
    }
}
