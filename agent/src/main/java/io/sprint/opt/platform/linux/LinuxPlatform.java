package io.sprint.opt.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Linux through libc (JNA) for changes and /proc for every read, so what is reported is what
 * the kernel says, not what we believe we wrote.
 */
public final class LinuxPlatform implements Platform {
    /** cpu_set_t's 1024 bits; a larger mask for hosts with more CPUs. */
    private static final int MIN_MASK_WORDS = 16;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    @Override
    public String name() {
        return "Linux (JNA " + com.sun.jna.Native.VERSION + ")";
    }

    @Override
    public List<Long> threads() throws OsException {
        List<Long> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> tids.add(Long.parseLong(task.getFileName().toString())));
        } catch (IOException e) {
            throw new OsException("cannot list " + TASKS + ": " + e.getMessage(), 0);
        }
        return tids;
    }

    @Override
    public BitSet affinity(long tid) throws OsException {
        String status = read(TASKS.resolve(Long.toString(tid)).resolve("status"));
        for (String line : status.split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return CpuList.parse(line.substring("Cpus_allowed_list:".length())).bits();
            }
        }
        throw new OsException("no Cpus_allowed_list for thread " + tid, 0);
    }

    @Override
    public void setAffinity(long tid, BitSet cpus) throws OsException {
        long[] words = cpus.toLongArray();
        long[] mask = new long[Math.max(MIN_MASK_WORDS, words.length)];
        System.arraycopy(words, 0, mask, 0, words.length);
        try {
            LinuxLibc.sched_setaffinity((int) tid, new NativeLong(mask.length * 8L), mask);
        } catch (LastErrorException e) {
            throw failed("sched_setaffinity(" + tid + ", " + CpuList.of(cpus) + ")", e);
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

    /** Fields 40 (rt_priority) and 41 (policy) of /proc/TID/stat, counted after the command name. */
    @Override
    public Scheduling scheduling(long tid) throws OsException {
        String stat = read(TASKS.resolve(Long.toString(tid)).resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        int priority = Integer.parseInt(fields[40 - 3]);
        Scheduling.Policy policy = Scheduling.Policy.ofLinux(Integer.parseInt(fields[41 - 3]));
        return new Scheduling(policy, policy.realTime() ? priority : 0);
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

    /** Per thread through /proc/TID/timerslack_ns: prctl could only reach the calling thread. */
    @Override
    public long timerSlackNanos(long tid) throws OsException {
        return Long.parseLong(read(Path.of("/proc", Long.toString(tid), "timerslack_ns")).trim());
    }

    @Override
    public void setTimerSlackNanos(long tid, long nanos) throws OsException {
        write(Path.of("/proc", Long.toString(tid), "timerslack_ns"), Long.toString(nanos));
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
        return Smaps.allAdvised(read(Path.of("/proc/self/smaps")), address, address + length);
    }

    private static OsException failed(String call, LastErrorException e) {
        return new OsException(call + ": " + Errno.describe(e.getErrorCode()), e.getErrorCode());
    }

    private static String read(Path file) throws OsException {
        try {
            return io.sprint.opt.platform.HostProbe.readFully(file);
        } catch (NoSuchFileException e) {
            throw new OsException(file + ": no such thread or file", OsException.ESRCH);
        } catch (IOException e) {
            throw ioFailure("reading " + file, e);
        }
    }

    private static void write(Path file, String value) throws OsException {
        try {
            Files.writeString(file, value, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new OsException(file + ": no such thread or file", OsException.ESRCH);
        } catch (IOException e) {
            throw ioFailure("writing " + value + " to " + file, e);
        }
    }

    /** /proc reports EPERM as an IOException with the strerror text; keep the errno visible. */
    private static OsException ioFailure(String what, IOException e) {
        String message = String.valueOf(e.getMessage());
        boolean denied = e instanceof AccessDeniedException || message.contains("Operation not permitted")
                || message.contains("Permission denied");
        return new OsException(what + ": " + (denied ? Errno.describe(OsException.EPERM) : message),
                denied ? OsException.EPERM : 0);
    }
}
