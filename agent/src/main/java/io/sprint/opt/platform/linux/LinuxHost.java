package io.sprint.opt.platform.linux;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Check;
import io.sprint.opt.platform.CpuTopology;
import io.sprint.opt.platform.Host;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What this Linux host lets the process do, read from /proc and /sys: the one place the agent
 * parses them. Reads files only: no native calls, nothing changed.
 */
public final class LinuxHost implements Host {
    static final int CAP_IPC_LOCK = 14;
    static final int CAP_SYS_NICE = 23;
    /** cgroup v1 reports "no limit" as a page-aligned LONG_MAX; anything this large is none. */
    private static final long NO_LIMIT = 1L << 62;
    private static final Pattern BRACKETED = Pattern.compile("\\[(\\w+)]");

    private final Path proc;
    private final Path sys;
    private final GcThreadsCpu gcThreads;

    public LinuxHost() {
        this(Path.of("/proc"), Path.of("/sys"));
    }

    /** For tests: a fake /proc and /sys tree. */
    public LinuxHost(Path proc, Path sys) {
        this.proc = proc;
        this.sys = sys;
        this.gcThreads = new GcThreadsCpu(proc.resolve("self/task"));
    }

    Path proc() {
        return proc;
    }

    Path sys() {
        return sys;
    }

    @Override
    public CpuList allowedCpus() {
        return statusField("Cpus_allowed_list").map(CpuList::parse)
                .orElseGet(() -> CpuList.range(0, Runtime.getRuntime().availableProcessors()));
    }

    /** cpu.max (v2) or cfs_quota/cfs_period (v1). */
    @Override
    public double cpuQuota() {
        Optional<String> v2 = cgroupFile("cpu", "cpu.max");
        if (v2.isPresent()) {
            String[] parts = v2.get().split("\\s+");
            return "max".equals(parts[0]) ? -1 : Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        }
        Optional<String> quota = cgroupFile("cpu", "cpu.cfs_quota_us");
        Optional<String> period = cgroupFile("cpu", "cpu.cfs_period_us");
        if (quota.isEmpty() || period.isEmpty() || quota.get().startsWith("-")) {
            return -1;
        }
        return Double.parseDouble(quota.get()) / Double.parseDouble(period.get());
    }

    @Override
    public long memoryLimitBytes() {
        Optional<String> value = cgroupFile("memory", "memory.max")
                .or(() -> cgroupFile("memory", "memory.limit_in_bytes"));
        if (value.isEmpty() || "max".equals(value.get())) {
            return -1;
        }
        long bytes = Long.parseLong(value.get());
        return bytes >= NO_LIMIT ? -1 : bytes;
    }

    /**
     * The pool is the cgroup's effective cpuset (v2 cpuset.cpus.effective, v1
     * cpuset.effective_cpus or cpuset.cpus) ∩ online CPUs: not the start-up affinity mask, which
     * an operator narrows (taskset, isolcpus) to keep the reservable CPUs free.
     */
    @Override
    public CpuTopology topology() {
        CpuList online = cpuFile("devices/system/cpu/online").orElseGet(this::allowedCpus);
        CpuList cpuset = cgroupFile("cpuset", "cpuset.cpus.effective")
                .or(() -> cgroupFile("cpuset", "cpuset.effective_cpus"))
                .or(() -> cgroupFile("cpuset", "cpuset.cpus"))
                .filter(text -> !text.isBlank()).map(CpuList::parse).orElse(online);
        CpuList pool = cpuset.intersect(online);
        Map<Integer, CpuList> siblings = new TreeMap<>();
        for (int cpu : pool.toArray()) {
            cpuFile("devices/system/cpu/cpu" + cpu + "/topology/thread_siblings_list")
                    .ifPresent(core -> siblings.put(cpu, core.intersect(pool).union(CpuList.of(cpu))));
        }
        Map<Integer, CpuList> nodes = new TreeMap<>();
        numaNodeCpus().forEach((node, cpus) -> {
            if (!cpus.intersect(pool).isEmpty()) {
                nodes.put(node, cpus.intersect(pool));
            }
        });
        return new CpuTopology(pool, cpuFile("devices/system/cpu/isolated").orElse(CpuList.NONE).intersect(pool),
                cpuFile("devices/system/cpu/nohz_full").orElse(CpuList.NONE).intersect(pool), siblings, nodes);
    }

    /** A cpulist file under /sys; empty when absent or unreadable. */
    private Optional<CpuList> cpuFile(String path) {
        try {
            return read(sys.resolve(path)).map(CpuList::parseOrNone);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public SortedMap<Integer, CpuList> numaNodeCpus() {
        SortedMap<Integer, CpuList> nodes = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(sys.resolve("devices/system/node"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (name.matches("node\\d+")) {
                    nodes.put(Integer.parseInt(name.substring(4)), CpuList.parse(readFully(dir.resolve("cpulist")).trim()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return new TreeMap<>();
        }
        return nodes;
    }

    @Override
    public String thpMode() {
        return read(sys.resolve("kernel/mm/transparent_hugepage/enabled")).map(BRACKETED::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).orElse("unavailable");
    }

    /**
     * CAP_SYS_NICE, or an RLIMIT_RTPRIO above zero, and real-time time in this process's cgroup:
     * SCHED_FIFO/SCHED_RR are allowed.
     */
    @Override
    public boolean rtCapable() {
        return rtPrivileged() && !cgroupDeniesRealTime();
    }

    /** CAP_SYS_NICE, or an RLIMIT_RTPRIO that allows some real-time priority. */
    boolean rtPrivileged() {
        return hasCapability(CAP_SYS_NICE) || limit("Max realtime priority").map(v -> v > 0).orElse(false);
    }

    /**
     * Whether this process's cgroup v1 cpu controller gives it no real-time time
     * (cpu.rt_runtime_us 0, what a new cgroup gets where RT group scheduling is built in): the
     * kernel then refuses SCHED_FIFO/SCHED_RR to every thread in it, root's included.
     */
    boolean cgroupDeniesRealTime() {
        return cgroupFile("cpu", "cpu.rt_runtime_us").map(String::trim).filter("0"::equals).isPresent();
    }

    /**
     * CAP_IPC_LOCK, or an unlimited RLIMIT_MEMLOCK: what mlockall of a whole JVM needs (any finite
     * limit is soon outgrown by heap, metaspace and code cache).
     */
    @Override
    public boolean memlockCapable() {
        return hasCapability(CAP_IPC_LOCK) || limit("Max locked memory").map(v -> v < 0).orElse(false);
    }

    @Override
    public double gcThreadsCpuSeconds() {
        return gcThreads.seconds();
    }

    @Override
    public List<Check> doctor(CpuList cores) {
        return new LinuxDoctor(this).checks(cores);
    }

    boolean hasCapability(int bit) {
        return statusField("CapEff").map(hex -> new BigInteger(hex, 16).testBit(bit)).orElse(false);
    }

    /** Soft limit from /proc/self/limits; -1 for unlimited. */
    Optional<Long> limit(String name) {
        return lines(proc.resolve("self/limits")).stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> l.substring(name.length()).trim().split("\\s+")[0])
                .map(v -> "unlimited".equals(v) ? -1L : Long.parseLong(v));
    }

    private Optional<String> statusField(String field) {
        return lines(proc.resolve("self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .findFirst().map(l -> l.substring(field.length() + 1).trim());
    }

    /**
     * A file of this process's cgroup for {@code controller}: v2's unified hierarchy first, then
     * v1's per-controller one, each under its mount point as /proc/self/mountinfo gives it.
     */
    Optional<String> cgroupFile(String controller, String file) {
        List<String> cgroups = lines(proc.resolve("self/cgroup"));
        for (String mount : lines(proc.resolve("self/mountinfo"))) {
            String[] halves = mount.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] left = halves[0].split(" ");
            String[] right = halves[1].split(" ");
            boolean v2 = "cgroup2".equals(right[0]);
            boolean v1 = "cgroup".equals(right[0]) && right.length > 2
                    && List.of(right[2].split(",")).contains(controller);
            if (!v1 && !v2) {
                continue;
            }
            for (String line : cgroups) {
                String[] parts = line.split(":", 3);
                boolean match = v2 ? parts[0].equals("0") && parts[1].isEmpty()
                        : List.of(parts[1].split(",")).contains(controller);
                if (!match || parts.length < 3) {
                    continue;
                }
                String root = left[3];
                String path = parts[2].startsWith(root) ? parts[2].substring(root.length()) : parts[2];
                Optional<String> value = read(Path.of(left[4], path, file));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /** The pid of a running process whose comm is {@code name} (irqbalance, stalld), or 0. */
    long pidNamed(String name) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc())) {
            for (Path process : processes) {
                String pid = process.getFileName().toString();
                if (isNumber(pid) && name.equals(read(process.resolve("comm")).orElse(null))) {
                    return Long.parseLong(pid);
                }
            }
        } catch (IOException e) {
            return 0; // no /proc: none runs that we can see
        }
        return 0;
    }

    /** Whether a /proc or /sys entry's name is a number (a pid, an IRQ). */
    static boolean isNumber(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> read(Path file) {
        try {
            return Optional.of(readFully(file).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A /proc or /sys file in one read. Files.readString reads a zero-size file one byte first,
     * and /proc/sys files give nothing at a non-zero offset: it would return "9" for 950000.
     */
    static String readFully(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
