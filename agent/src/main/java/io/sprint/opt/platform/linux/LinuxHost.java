package io.sprint.opt.platform.linux;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Check;
import io.sprint.opt.platform.CpuTopology;
import io.sprint.opt.platform.Host;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        String allowed = statusField("Cpus_allowed_list");
        return allowed != null ? CpuList.parse(allowed) : CpuList.range(0, Runtime.getRuntime().availableProcessors());
    }

    /** cpu.max (v2) or cfs_quota/cfs_period (v1). */
    @Override
    public double cpuQuota() {
        List<Path> cpu = cgroupDirectories("cpu");
        String v2 = firstFile(cpu, "cpu.max");
        if (v2 != null) {
            String[] parts = v2.split("\\s+");
            return "max".equals(parts[0]) ? -1 : Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        }
        String quota = firstFile(cpu, "cpu.cfs_quota_us");
        String period = firstFile(cpu, "cpu.cfs_period_us");
        if (quota == null || period == null || quota.startsWith("-")) {
            return -1;
        }
        return Double.parseDouble(quota) / Double.parseDouble(period);
    }

    @Override
    public long memoryLimitBytes() {
        List<Path> memory = cgroupDirectories("memory");
        String value = firstFile(memory, "memory.max", "memory.limit_in_bytes");
        if (value == null || "max".equals(value)) {
            return -1;
        }
        long bytes = Long.parseLong(value);
        return bytes >= NO_LIMIT ? -1 : bytes;
    }

    /**
     * The pool is the cgroup's effective cpuset (v2 cpuset.cpus.effective, v1
     * cpuset.effective_cpus or cpuset.cpus) ∩ online CPUs: not the start-up affinity mask, which
     * an operator narrows (taskset, isolcpus) to keep the reservable CPUs free.
     */
    @Override
    public CpuTopology topology() {
        CpuList online = cpuFile("devices/system/cpu/online", null);
        if (online == null) {
            online = allowedCpus();
        }
        String cpusetText = firstFile(cgroupDirectories("cpuset"), "cpuset.cpus.effective", "cpuset.effective_cpus",
                "cpuset.cpus");
        CpuList cpuset = cpusetText == null || cpusetText.isBlank() ? online : CpuList.parse(cpusetText);
        CpuList pool = cpuset.intersect(online);
        Map<Integer, CpuList> siblings = new TreeMap<>();
        for (int cpu : pool.toArray()) {
            CpuList core = cpuFile("devices/system/cpu/cpu" + cpu + "/topology/thread_siblings_list", null);
            if (core != null) {
                siblings.put(cpu, core.intersect(pool).union(CpuList.of(cpu)));
            }
        }
        Map<Integer, CpuList> nodes = new TreeMap<>();
        for (Map.Entry<Integer, CpuList> node : numaNodeCpus().entrySet()) {
            CpuList inPool = node.getValue().intersect(pool);
            if (!inPool.isEmpty()) {
                nodes.put(node.getKey(), inPool);
            }
        }
        return new CpuTopology(pool, cpuFile("devices/system/cpu/isolated", CpuList.NONE).intersect(pool),
                cpuFile("devices/system/cpu/nohz_full", CpuList.NONE).intersect(pool), siblings, nodes);
    }

    /**
     * A cpulist file under /sys; {@code absent} when it is absent or unreadable. Plain code, as
     * on the rest of the start-up path here: each lambda costs some 0.5 ms of CPU the first time
     * it runs, and the level is applied in a cold JVM.
     */
    private CpuList cpuFile(String path, CpuList absent) {
        String text = readOrNull(sys.resolve(path));
        try {
            return text == null ? absent : CpuList.parseOrNone(text);
        } catch (IllegalArgumentException e) {
            return absent;
        }
    }

    @Override
    public SortedMap<Integer, CpuList> numaNodeCpus() {
        SortedMap<Integer, CpuList> nodes = new TreeMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sys.resolve("devices/system/node"))) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.startsWith("node") && isNumber(name.substring(4))) {
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
        String enabled = readOrNull(sys.resolve("kernel/mm/transparent_hugepage/enabled"));
        Matcher mode = enabled == null ? null : BRACKETED.matcher(enabled);
        return mode != null && mode.find() ? mode.group(1) : "unavailable";
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
        Long rtprio = limitOrNull("Max realtime priority");
        return hasCapability(CAP_SYS_NICE) || rtprio != null && rtprio > 0;
    }

    /**
     * Whether this process's cgroup v1 cpu controller gives it no real-time time
     * (cpu.rt_runtime_us 0, what a new cgroup gets where RT group scheduling is built in): the
     * kernel then refuses SCHED_FIFO/SCHED_RR to every thread in it, root's included.
     */
    boolean cgroupDeniesRealTime() {
        return "0".equals(firstFile(cgroupDirectories("cpu"), "cpu.rt_runtime_us"));
    }

    /**
     * CAP_IPC_LOCK, or an unlimited RLIMIT_MEMLOCK: what mlockall of a whole JVM needs (any finite
     * limit is soon outgrown by heap, metaspace and code cache).
     */
    @Override
    public boolean memlockCapable() {
        Long memlock = limitOrNull("Max locked memory");
        return hasCapability(CAP_IPC_LOCK) || memlock != null && memlock < 0;
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
        String capabilities = statusField("CapEff");
        return capabilities != null && new BigInteger(capabilities, 16).testBit(bit);
    }

    /** Soft limit from /proc/self/limits; -1 for unlimited. */
    Optional<Long> limit(String name) {
        return Optional.ofNullable(limitOrNull(name));
    }

    private Long limitOrNull(String name) {
        for (String line : lines(proc.resolve("self/limits"))) {
            if (line.startsWith(name)) {
                String soft = line.substring(name.length()).trim().split("\\s+")[0];
                return "unlimited".equals(soft) ? -1L : Long.parseLong(soft);
            }
        }
        return null;
    }

    /** A field of /proc/self/status, or null. */
    private String statusField(String field) {
        for (String line : lines(proc.resolve("self/status"))) {
            if (line.startsWith(field) && line.length() > field.length() && line.charAt(field.length()) == ':') {
                return line.substring(field.length() + 1).trim();
            }
        }
        return null;
    }

    /** The first of {@code files} found in one of {@code directories}, in that order, read; or null. */
    private static String firstFile(List<Path> directories, String... files) {
        for (String file : files) {
            for (Path directory : directories) {
                String value = readOrNull(directory.resolve(file));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * The directories of this process's cgroup for {@code controller}, in the order to look in:
     * as the mounts come in /proc/self/mountinfo (v2's unified hierarchy, v1's per-controller
     * one), each under its mount point. Found once for every file a question needs: the two
     * tables cost a few ms to read and parse in a cold JVM.
     */
    private List<Path> cgroupDirectories(String controller) {
        List<Path> directories = new ArrayList<>();
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
                directories.add(Path.of(left[4], parts[2].startsWith(root) ? parts[2].substring(root.length())
                        : parts[2]));
            }
        }
        return directories;
    }

    /** The pid of a running process whose comm is {@code name} (irqbalance, stalld), or 0. */
    long pidNamed(String name) {
        // java.io.File, not a DirectoryStream of Paths: a host runs thousands of processes, and
        // the irqbalance check walks them all while a level goes in force
        File proc = proc().toFile();
        String[] entries = proc.list();
        if (entries == null) {
            return 0; // no /proc: none runs that we can see
        }
        for (String pid : entries) {
            if (isNumber(pid) && name.equals(command(new File(proc, pid)))) {
                return Long.parseLong(pid);
            }
        }
        return 0;
    }

    /** /proc/PID/comm without its newline (the kernel keeps at most 15 bytes), or null once ended. */
    private static String command(File process) {
        try (InputStream in = new FileInputStream(new File(process, "comm"))) {
            byte[] read = in.readNBytes(COMM_BYTES);
            int length = read.length > 0 && read[read.length - 1] == '\n' ? read.length - 1 : read.length;
            return new String(read, 0, length, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static final int COMM_BYTES = 64;

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
        return Optional.ofNullable(readOrNull(file));
    }

    /** The file's text, trimmed; null when it is absent or unreadable. */
    static String readOrNull(Path file) {
        try {
            return readFully(file).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A /proc or /sys file in one read. Files.readString reads a zero-size file one byte first,
     * and /proc/sys files give nothing at a non-zero offset: it would return "9" for 950000. A
     * plain file stream, not an NIO channel, whose set-up doubles the cost of a small read (the
     * irqbalance check alone reads every process's comm while the level goes in force).
     */
    static String readFully(Path file) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Through {@link #readFully}: Files.readAllLines sets up an NIO channel and a decoder per file. */
    static List<String> lines(Path file) {
        try {
            String text = readFully(file);
            List<String> lines = new ArrayList<>();
            for (int start = 0; start < text.length(); ) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                lines.add(text.substring(start, end));
                start = end + 1;
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
