package io.sprint.opt.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.HostFile;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linux through libc (JNA) for changes and /proc for every read, so what is reported is what
 * the kernel says, not what we believe we wrote.
 */
public final class LinuxPlatform implements Platform {
    private final LinuxHost host;
    private final LinuxHostWide hostWide;

    /** @param host this host's /proc and /sys, for what privileges the process has */
    /** Binds libc at once: on the thread that loads the OS layer, not in the first action that needs it. */
    public LinuxPlatform(LinuxHost host) {
        this.host = host;
        this.hostWide = new LinuxHostWide(host);
        LinuxLibc.bind();
    }

    /** cpu_set_t's 1024 bits; a larger mask for hosts with more CPUs. */
    private static final int MIN_MASK_WORDS = 16;
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Highest possible CPU + 1, for masks the kernel accepts (it refuses one smaller than its own). */
    private static final int POSSIBLE_CPUS = possibleCpus();
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    @Override
    public String name() {
        return "Linux (JNA " + Native.VERSION + ")";
    }

    /** set_mempolicy and get_mempolicy by architecture: x86_64 and aarch64 (asm-generic) differ. */
    private static final long[] MEMPOLICY_CALLS = memPolicyCalls();

    /**
     * Linux has every capability but a process-wide timer period (timer slack is per thread), and
     * the memory policy calls where their numbers are not known here.
     */
    @Override
    public String missing(Capability capability) {
        if (capability == Capability.TIMER_PERIOD) {
            return "a process-wide timer period (Linux sharpens timers per thread: timer slack)";
        }
        String hostWideMissing = hostWide.missing(capability);
        if (hostWideMissing != null) {
            return hostWideMissing;
        }
        return capability == Capability.MEMORY_POLICY && MEMPOLICY_CALLS == null
                ? "a preferred memory node per thread on " + System.getProperty("os.arch") : null;
    }

    private static long[] memPolicyCalls() {
        switch (System.getProperty("os.arch", "")) {
            case "amd64":
            case "x86_64":
                return new long[] {238, 239};
            case "aarch64":
                return new long[] {237, 236};
            default:
                return null;
        }
    }

    @Override
    public String denied(Capability capability) {
        switch (capability) {
            case THREAD_SCHEDULING: { // a container usually lacks both: say both
                Map<String, String> refusals = rtRefusals();
                return refusals.isEmpty() ? null : String.join(" and ", refusals.keySet());
            }
            case TIMER_SLACK: // reading and setting another thread's /proc/TID/timerslack_ns
                return host.hasCapability(LinuxHost.CAP_SYS_NICE) ? null
                        : "other threads' timer slack can be read and set only with CAP_SYS_NICE";
            case MEMORY_LOCK:
                return host.memlockCapable() ? null : "no CAP_IPC_LOCK and RLIMIT_MEMLOCK is "
                        + host.limit("Max locked memory").map(v -> v < 0 ? "unlimited" : v / 1024 + " kB")
                        .orElse("unknown");
            default:
                return hostWide.denied(capability);
        }
    }

    @Override
    public String remedy(Capability capability) {
        switch (capability) {
            case MEMORY_LOCK:
                return Remedies.MEMLOCK;
            case THREAD_SCHEDULING:
                return String.join("; ", rtRefusals().values());
            case THREAD_AFFINITY:
            case TIMER_SLACK:
                return Remedies.SYS_NICE;
            case IDLE_LIMIT:
                return Remedies.IDLE_LIMIT;
            case CPU_RESUME_LATENCY:
            case IRQ_AFFINITY:
                return Remedies.HOST_FILES;
            default:
                return "";
        }
    }

    /** Why the kernel refuses real-time policies to this process, each with its remedy; empty when it allows them. */
    private Map<String, String> rtRefusals() {
        Map<String, String> refusals = new LinkedHashMap<>(4);
        if (!host.rtPrivileged()) {
            refusals.put("no CAP_SYS_NICE and RLIMIT_RTPRIO is "
                    + host.limit("Max realtime priority").map(String::valueOf).orElse("unknown"), Remedies.SYS_NICE);
        }
        if (host.cgroupDeniesRealTime()) {
            refusals.put("this process's cpu cgroup has cpu.rt_runtime_us 0", Remedies.RT_CGROUP);
        }
        return refusals;
    }

    @Override
    public List<Long> threads() throws OsException {
        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                tids.add(Long.parseLong(task.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new OsException("cannot list " + TASKS + ": " + e.getMessage(), 0);
        }
        return tids;
    }

    /**
     * By system call: a thread walk reads every thread's mask, and /proc/TID/status costs some
     * 100 µs a read where sched_getaffinity costs a few; both are the kernel's own mask.
     */
    @Override
    public BitSet affinity(long tid) throws OsException {
        long[] mask = new long[maskWords()];
        try {
            LinuxLibc.sched_getaffinity((int) tid, new NativeLong(mask.length * 8L), mask);
        } catch (LastErrorException e) {
            throw failed("sched_getaffinity(" + tid + ")", e);
        }
        return BitSet.valueOf(mask);
    }

    @Override
    public void setAffinity(long tid, BitSet cpus) throws OsException {
        long[] words = cpus.toLongArray();
        long[] mask = new long[Math.max(maskWords(), words.length)];
        System.arraycopy(words, 0, mask, 0, words.length);
        try {
            LinuxLibc.sched_setaffinity((int) tid, new NativeLong(mask.length * 8L), mask);
        } catch (LastErrorException e) {
            throw failed("sched_setaffinity(" + tid + ", " + CpuList.of(cpus) + ")", e);
        }
    }

    private static int possibleCpus() {
        try {
            return CpuList.parse(LinuxHost.readFully(Path.of("/sys/devices/system/cpu/possible"))
                    .trim()).bits().length();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** From /proc/thread-self: no system call number to get wrong per architecture. */
    @Override
    public long currentThreadId() throws OsException {
        try {
            return Long.parseLong(Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            throw new OsException("cannot read " + THREAD_SELF + ": " + e.getMessage(), 0);
        }
    }

    @Override
    public Scheduling scheduling(long tid) throws OsException {
        try {
            int policy = LinuxLibc.sched_getscheduler((int) tid) & ~LinuxLibc.SCHED_RESET_ON_FORK;
            int[] param = new int[1];
            LinuxLibc.sched_getparam((int) tid, param);
            Scheduling.Policy named = Scheduling.Policy.ofLinux(policy);
            return new Scheduling(named, named.realTime() ? param[0] : 0);
        } catch (LastErrorException e) {
            throw failed("sched_getscheduler(" + tid + ")", e);
        }
    }

    @Override
    public void setScheduling(long tid, Scheduling scheduling) throws OsException {
        int policy = scheduling.policy().linux()
                | (scheduling.policy().realTime() ? LinuxLibc.SCHED_RESET_ON_FORK : 0);
        try {
            LinuxLibc.sched_setscheduler((int) tid, policy, new int[] {scheduling.priority()});
        } catch (LastErrorException e) {
            throw failed("sched_setscheduler(" + tid + ", " + scheduling + ")", e);
        }
    }

    @Override
    public int niceness(long tid) throws OsException {
        try {
            return LinuxLibc.getpriority(LinuxLibc.PRIO_PROCESS, (int) tid);
        } catch (LastErrorException e) {
            throw failed("getpriority(" + tid + ")", e);
        }
    }

    @Override
    public void setNiceness(long tid, int nice) throws OsException {
        try {
            LinuxLibc.setpriority(LinuxLibc.PRIO_PROCESS, (int) tid, nice);
        } catch (LastErrorException e) {
            throw failed("setpriority(" + tid + ", " + nice + ")", e);
        }
    }

    /**
     * Per thread through /proc/TID/timerslack_ns: prctl could only reach the calling thread. Plain
     * file streams, not NIO channels: a thread walk makes thousands of these reads and writes,
     * and a channel's set-up doubles the cost of each.
     */
    @Override
    public long timerSlackNanos(long tid) throws OsException {
        String file = "/proc/" + tid + "/timerslack_ns";
        byte[] buffer = new byte[24];
        try (FileInputStream in = new FileInputStream(file)) {
            int length = in.read(buffer);
            return Long.parseLong(new String(buffer, 0, Math.max(0, length), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw ioFailure("reading " + file, e);
        } catch (NumberFormatException e) {
            throw new OsException("reading " + file + ": not a number", 0);
        }
    }

    @Override
    public void setTimerSlackNanos(long tid, long nanos) throws OsException {
        String file = "/proc/" + tid + "/timerslack_ns";
        try (FileOutputStream out = new FileOutputStream(file)) {
            out.write(Long.toString(nanos).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw ioFailure("writing " + nanos + " to " + file, e);
        }
    }

    @Override
    public void lockMemory() throws OsException {
        try {
            LinuxLibc.mlockall(LinuxLibc.MCL_CURRENT | LinuxLibc.MCL_FUTURE | LinuxLibc.MCL_ONFAULT);
        } catch (LastErrorException e) {
            throw failed("mlockall(MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT)", e);
        }
    }

    @Override
    public void unlockMemory() throws OsException {
        try {
            LinuxLibc.munlockall();
        } catch (LastErrorException e) {
            throw failed("munlockall()", e);
        }
    }

    @Override
    public long lockedKilobytes() throws OsException {
        for (String line : read(Path.of("/proc/self/status")).split("\n")) {
            if (line.startsWith("VmLck:")) {
                return Long.parseLong(line.substring("VmLck:".length()).replace("kB", "").trim());
            }
        }
        throw new OsException("no VmLck in /proc/self/status", 0);
    }

    /**
     * VmLck counts whole locked mappings, the reserved heap included, while MCL_ONFAULT makes only
     * touched pages resident: both said, so neither misleads.
     */
    @Override
    public String describeLocked(long kilobytes) {
        return "VmLck " + kilobytes + " kB of mappings locked; resident only as touched";
    }

    @Override
    public void preferMemoryNode(int node) throws OsException {
        if (MEMPOLICY_CALLS == null) {
            throw unsupported(Capability.MEMORY_POLICY);
        }
        long[] mask = new long[maskWords()];
        if (node >= 0) {
            mask[node / 64] |= 1L << (node % 64);
        }
        try {
            LinuxLibc.syscall(new NativeLong(MEMPOLICY_CALLS[0]), node >= 0 ? LinuxLibc.MPOL_PREFERRED
                    : LinuxLibc.MPOL_DEFAULT, node >= 0 ? mask : null, new NativeLong(node >= 0 ? mask.length * 64L : 0));
        } catch (LastErrorException e) {
            throw failed("set_mempolicy(" + (node >= 0 ? "MPOL_PREFERRED, node " + node : "MPOL_DEFAULT") + ")", e);
        }
    }

    @Override
    public int preferredMemoryNode() throws OsException {
        if (MEMPOLICY_CALLS == null) {
            throw unsupported(Capability.MEMORY_POLICY);
        }
        int[] mode = new int[1];
        long[] mask = new long[maskWords()];
        try {
            LinuxLibc.syscall(new NativeLong(MEMPOLICY_CALLS[1]), mode, mask, new NativeLong(mask.length * 64L), null,
                    new NativeLong(0));
        } catch (LastErrorException e) {
            throw failed("get_mempolicy()", e);
        }
        return mode[0] == LinuxLibc.MPOL_PREFERRED ? BitSet.valueOf(mask).nextSetBit(0) : -1;
    }

    @Override
    public void adviseHugePages(long address, long length) throws OsException {
        try {
            LinuxLibc.madvise(new Pointer(address), new NativeLong(length), LinuxLibc.MADV_HUGEPAGE);
        } catch (LastErrorException e) {
            throw failed("madvise(" + Long.toHexString(address) + ", " + length + ", MADV_HUGEPAGE)", e);
        }
    }

    @Override
    public boolean hugePagesAdvised(long address, long length) throws OsException {
        Path smaps = Path.of("/proc/self/smaps");
        // a plain file stream: nothing else on the way to a level in force sets up an NIO channel
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new FileInputStream(smaps.toFile()),
                StandardCharsets.ISO_8859_1))) {
            return Smaps.allAdvised(reader, address, address + length);
        } catch (IOException e) {
            throw ioFailure("reading " + smaps, e);
        }
    }

    /** cpu_set_t's 1024 bits, or enough for every CPU the kernel may bring online. */
    private static int maskWords() {
        return Math.max(MIN_MASK_WORDS, (POSSIBLE_CPUS + 63) / 64);
    }

    private static OsException failed(String call, LastErrorException e) {
        return new OsException(call + ": " + Errno.describe(e.getErrorCode()), e.getErrorCode());
    }

    private static String read(Path file) throws OsException {
        try {
            return LinuxHost.readFully(file);
        } catch (IOException e) {
            throw ioFailure("reading " + file, e);
        }
    }

    /**
     * /proc reports errno as an IOException with the strerror text; keep the errno visible. A
     * thread that ends while we look is gone one of two ways: its directory no longer resolves
     * (ENOENT), or it resolved and the task was released before the read (ESRCH, "No such
     * process", the error a thread walk meets under churn). Both mean "no such thread".
     */
    static OsException ioFailure(String what, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof NoSuchFileException || message.contains("No such file or directory")
                || message.contains("No such process")) {
            return new OsException(what + ": no such thread or file", OsException.ESRCH);
        }
        boolean denied = e instanceof AccessDeniedException || message.contains("Operation not permitted")
                || message.contains("Permission denied");
        return new OsException(what + ": " + (denied ? Errno.describe(OsException.EPERM) : message),
                denied ? OsException.EPERM : 0);
    }

    @Override
    public String threadName(long tid) {
        return LinuxHost.read(TASKS.resolve(Long.toString(tid)).resolve("comm")).orElse("");
    }

    @Override
    public long idleLimitMicros() throws OsException {
        return hostWide.idleLimitMicros();
    }

    @Override
    public void requestIdleLimit(long micros) throws OsException {
        hostWide.requestIdleLimit(micros);
    }

    @Override
    public long idleLimitRequest() {
        return hostWide.idleLimitRequest();
    }

    @Override
    public HostFile resumeLatency(int cpu) throws OsException {
        return hostWide.resumeLatency(cpu);
    }

    @Override
    public List<HostFile> irqAffinities() throws OsException {
        return hostWide.irqAffinities();
    }

    @Override
    public HostFile defaultIrqAffinity() {
        return hostWide.defaultIrqAffinity();
    }

    @Override
    public long irqBalancer() {
        return hostWide.irqBalancer();
    }
}
