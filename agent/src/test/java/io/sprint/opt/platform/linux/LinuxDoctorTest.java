package io.sprint.opt.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's checks over a fake host: an unprivileged process on an isolated, throttled box. */
class LinuxDoctorTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findingsAndAdvice() throws IOException {
        write("proc/self/status", "CapEff:\t0000000000000000\nCpus_allowed_list:\t0-3\n");
        write("proc/self/limits", "Max locked memory         65536                65536                bytes\n"
                + "Max realtime priority     0                    0\n");
        write("proc/sys/kernel/sched_rt_runtime_us", "950000\n");
        write("proc/sys/kernel/sched_rt_period_us", "1000000\n");
        write("proc/interrupts", "           CPU0       CPU1       CPU2       CPU3\n"
                + " 24:          1          0          0          0  IO-APIC  ACPI\n"
                + " 26:          0         14          0          7  IO-APIC  ttyS0\n");
        write("proc/77/comm", "irqbalance\n");
        write("sys/kernel/mm/transparent_hugepage/enabled", "always madvise [never]\n");
        write("sys/devices/system/cpu/isolated", "2-3\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "powersave\n");
        Map<String, Check> checks = new LinuxHost(root.resolve("proc"), root.resolve("sys"))
                .doctor(CpuList.parse("2-3")).stream().collect(Collectors.toMap(Check::name, c -> c));

        assertEquals("no CAP_IPC_LOCK, RLIMIT_MEMLOCK 64 kB", checks.get("memory lock").value());
        assertEquals("warn", checks.get("real-time scheduling").status());
        assertEquals("RT threads get at most 95 % of each 1000000 µs (sched_rt_runtime_us 950000)",
                checks.get("RT throttling").value());
        assertEquals("warn", checks.get("transparent huge pages").status());
        assertEquals("isolcpus 2-3, nohz_full (not in this kernel)", checks.get("isolated CPUs").value());
        assertEquals("powersave", checks.get("CPU governor").value());
        assertEquals("running", checks.get("irqbalance").value());
        assertEquals("CPU2: 0 sources, 0 interrupts; CPU3: 1 sources, 7 interrupts",
                checks.get("interrupts on cores 2-3").value());
    }
}
