package io.sprint.opt.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.platform.CpuTopology;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over fake /proc and /sys trees shaped like cgroup v1 and v2 hosts. */
class LinuxHostTest {
    @TempDir
    Path root;

    private Path write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private LinuxHost probe() {
        return new LinuxHost(root.resolve("proc"), root.resolve("sys"));
    }

    private void status(String capEff, String cpus) throws IOException {
        write("proc/self/status", "Name:\tjava\nCapEff:\t" + capEff + "\nCpus_allowed_list:\t" + cpus + "\n");
    }

    @Test
    void cgroupV2LimitsUnderTheMountPoint() throws IOException {
        String mountPoint = root.resolve("cg2").toString();
        write("proc/self/cgroup", "0::/app.slice/relay.service\n");
        write("proc/self/mountinfo", "30 23 0:26 / " + mountPoint + " rw,nosuid - cgroup2 cgroup2 rw\n");
        write("cg2/app.slice/relay.service/cpu.max", "150000 100000\n");
        write("cg2/app.slice/relay.service/memory.max", "536870912\n");
        assertEquals(1.5, probe().cpuQuota());
        assertEquals(512L << 20, probe().memoryLimitBytes());
    }

    @Test
    void cgroupV2WithoutLimits() throws IOException {
        String mountPoint = root.resolve("cg2").toString();
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", "30 23 0:26 / " + mountPoint + " rw - cgroup2 cgroup2 rw\n");
        write("cg2/cpu.max", "max 100000\n");
        write("cg2/memory.max", "max\n");
        assertEquals(-1, probe().cpuQuota());
        assertEquals(-1, probe().memoryLimitBytes());
    }

    @Test
    void cgroupV1PerControllerWithAContainerRoot() throws IOException {
        String cpu = root.resolve("cg/cpu").toString();
        String memory = root.resolve("cg/memory").toString();
        write("proc/self/cgroup", "4:memory:/docker/abc\n1:cpu,cpuacct:/docker/abc\n");
        write("proc/self/mountinfo",
                "32 31 0:29 /docker/abc " + cpu + " rw - cgroup cgroup rw,cpu,cpuacct\n"
                + "35 31 0:32 /docker/abc " + memory + " rw - cgroup cgroup rw,memory\n");
        write("cg/cpu/cpu.cfs_quota_us", "50000\n");
        write("cg/cpu/cpu.cfs_period_us", "100000\n");
        write("cg/memory/memory.limit_in_bytes", "9223372036854771712\n");
        assertEquals(0.5, probe().cpuQuota());
        assertEquals(-1, probe().memoryLimitBytes(), "v1's page-aligned LONG_MAX means no limit");
    }

    @Test
    void privilegesFromCapabilitiesOrLimits() throws IOException {
        status("0000000000000000", "0-3,8");
        write("proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max locked memory         8388608              8388608              bytes\n"
                + "Max realtime priority     0                    0\n");
        assertFalse(probe().rtCapable());
        assertFalse(probe().memlockCapable());
        assertEquals("0-3,8", probe().allowedCpus().toString());

        status("0000000000804000", "0");
        assertTrue(probe().rtCapable(), "bit 23, CAP_SYS_NICE");
        assertTrue(probe().memlockCapable(), "bit 14, CAP_IPC_LOCK");

        status("0000000000000000", "0");
        write("proc/self/limits", "Max locked memory         unlimited            unlimited            bytes\n"
                + "Max realtime priority     20                   20\n");
        assertTrue(probe().rtCapable());
        assertTrue(probe().memlockCapable());
    }

    @Test
    void topologyAndHugePages() throws IOException {
        write("sys/devices/system/node/node0/cpulist", "0-3\n");
        write("sys/devices/system/node/node1/cpulist", "4-7\n");
        write("sys/devices/system/node/online", "0-1\n");
        write("sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n");
        assertEquals(2, probe().numaNodes());
        assertEquals("madvise", probe().thpMode());
    }

    @Test
    void aHostWithoutTheseFilesGetsFallbacks() {
        assertEquals(1, probe().numaNodes());
        assertEquals("unavailable", probe().thpMode());
        assertEquals(-1, probe().cpuQuota());
        assertEquals(-1, probe().memoryLimitBytes());
        assertEquals(Runtime.getRuntime().availableProcessors(), probe().allowedCpus().count());
    }

    @Test
    void readsSysctlFilesWhole() throws IOException {
        Path sysctl = Path.of("/proc/sys/kernel/pid_max");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(sysctl), "needs Linux /proc/sys");
        String expected;
        try (BufferedReader reader = Files.newBufferedReader(sysctl)) {
            expected = reader.readLine().trim();
        }
        assertTrue(expected.length() > 1, expected);
        assertEquals(expected, LinuxHost.read(sysctl).orElseThrow(), "all digits, not the first one");
    }

    /**
     * 2 sockets (one NUMA node each) × 8 cores × 2 hardware threads: CPU n and n+16 are one core,
     * node 0 is CPUs 0-7 and 16-23, node 1 the rest; booted with isolcpus=2-7,18-23 nohz_full=4-7.
     */
    private void bigHost(String online) throws IOException {
        status("0000000000000000", "0-1,8-17,24-31");
        write("sys/devices/system/cpu/online", online + "\n");
        write("sys/devices/system/cpu/isolated", "2-7,18-23\n");
        write("sys/devices/system/cpu/nohz_full", "4-7\n");
        for (int cpu = 0; cpu < 32; cpu++) {
            int first = cpu % 16;
            write("sys/devices/system/cpu/cpu" + cpu + "/topology/thread_siblings_list", first + "," + (first + 16) + "\n");
        }
        write("sys/devices/system/node/node0/cpulist", "0-7,16-23\n");
        write("sys/devices/system/node/node1/cpulist", "8-15,24-31\n");
    }

    @Test
    void thePoolIsTheCpusetNotTheStartUpMaskWithItsIsolatedNohzSiblingsAndNodes() throws IOException {
        bigHost("0-31");
        CpuTopology topology = probe().topology();
        assertEquals("0-31", topology.pool().toString(), "no cpuset: every online CPU, isolated ones included");
        assertEquals("2-7,18-23", topology.isolated().toString());
        assertEquals("4-7", topology.nohzFull().toString());
        assertEquals("5,21", topology.core(5).toString());
        assertEquals("5,21", topology.core(21).toString());
        assertEquals(0, topology.nodeOf(21));
        assertEquals(1, topology.nodeOf(24));
        assertEquals("0-1,8-17,24-31", probe().allowedCpus().toString(), "the start-up mask stays the mask");
    }

    @Test
    void offlineCpusAreNotInThePool() throws IOException {
        bigHost("0-15");
        CpuTopology topology = probe().topology();
        assertEquals("0-15", topology.pool().toString());
        assertEquals("2-7", topology.isolated().toString());
        assertEquals("5", topology.core(5).toString(), "the sibling is offline");
        assertEquals("8-15", topology.nodes().get(1).toString());
    }

    @Test
    void cgroupV2EffectiveCpusetBoundsThePool() throws IOException {
        bigHost("0-31");
        String mountPoint = root.resolve("cg2").toString();
        write("proc/self/cgroup", "0::/relay.slice\n");
        write("proc/self/mountinfo", "30 23 0:26 / " + mountPoint + " rw - cgroup2 cgroup2 rw\n");
        write("cg2/relay.slice/cpuset.cpus.effective", "0-7\n");
        CpuTopology topology = probe().topology();
        assertEquals("0-7", topology.pool().toString());
        assertEquals("2-7", topology.isolated().toString());
        assertEquals(1, topology.nodes().size(), "node 1 has none of the pool's CPUs");
    }

    @Test
    void cgroupV1CpusetBoundsThePool() throws IOException {
        bigHost("0-31");
        String cpuset = root.resolve("cg/cpuset").toString();
        write("proc/self/cgroup", "3:cpuset:/relay\n");
        write("proc/self/mountinfo", "33 31 0:30 / " + cpuset + " rw - cgroup cgroup rw,cpuset\n");
        write("cg/cpuset/relay/cpuset.effective_cpus", "8-15\n");
        assertEquals("8-15", probe().topology().pool().toString());
    }
}
