package io.sprint.opt.pin;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.log.Log;
import io.sprint.opt.platform.ProcessId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One owner per dedicated CPU across the JVMs of a host: a lock on {@code DIR/cpu-N.lock} per
 * CPU, holding the owner's pid. The kernel releases a process's locks when it ends, {@code kill
 * -9} included, so a CPU is never left held by a dead JVM; a lock file left behind is just a
 * file. One instance per directory in a JVM: a JVM's own locks are its to use.
 *
 * <p>The locks are the JDK's file locks: POSIX record locks ({@code fcntl}), listed in
 * /proc/locks with the holder's pid. They do not conflict with {@code flock(2)} locks, so
 * {@code flock(1)} does not see them; a JVM that closed any descriptor of a lock file would lose
 * its lock, which is why nothing here opens a file this JVM holds.
 *
 * <p>The directory (default /run/sprint-opt) is created world-writable and sticky, like /tmp, so
 * JVMs of every user coordinate; where it cannot be used the CPUs are not coordinated, said once.
 */
public final class CpuLocks implements CorePlan.CpuOwners {
    private static final Map<Path, CpuLocks> BY_DIRECTORY = new HashMap<>();

    private final Path directory;
    private final Map<Integer, FileChannel> held = new LinkedHashMap<>();
    private boolean warned;

    private CpuLocks(Path directory) {
        this.directory = directory;
    }

    /** The locks of {@code directory} in this JVM. */
    public static synchronized CpuLocks in(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        CpuLocks locks = BY_DIRECTORY.get(dir);
        if (locks == null) {
            locks = new CpuLocks(dir);
            BY_DIRECTORY.put(dir, locks);
        }
        return locks;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Another process's pid holding {@code cpu}, -1 for one that has not written its pid yet, or 0
     * when it is free or this JVM's. Only looks: creates nothing, holds nothing (a shared lock
     * taken and let go at once), so plan and doctor may ask as any user.
     */
    @Override
    public synchronized long holder(int cpu) {
        Path file = file(cpu);
        if (held.containsKey(cpu) || !Files.exists(file)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) {
                lock.release();
                return 0;
            }
            return pidIn(channel);
        } catch (IOException | RuntimeException e) {
            warnOnce(e);
            return 0;
        }
    }

    /**
     * Takes every free CPU of {@code cpus} that this JVM does not hold yet.
     *
     * @return the CPUs another process holds, with its pid (those are not taken)
     */
    public synchronized Map<Integer, Long> acquire(CpuList cpus) {
        Map<Integer, Long> refused = new LinkedHashMap<>();
        for (int cpu : cpus.toArray()) {
            if (held.containsKey(cpu)) {
                continue;
            }
            FileChannel channel = null;
            try {
                channel = open(cpu);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    refused.put(cpu, pidIn(channel));
                    channel.close();
                    continue;
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessId.current() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                held.put(cpu, channel);
            } catch (IOException | RuntimeException e) {
                warnOnce(e);
                closeQuietly(channel);
            }
        }
        return refused;
    }

    /** Lets go of {@code cpus}: another JVM may take them now. */
    public synchronized void release(CpuList cpus) {
        for (int cpu : cpus.toArray()) {
            closeQuietly(held.remove(cpu));
        }
    }

    /** The CPUs this JVM holds. */
    public synchronized CpuList held() {
        return CpuList.of(held.keySet());
    }

    private FileChannel open(int cpu) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            // world-writable and sticky, as /tmp: every user's JVM may lock, none may delete another's file
            Files.setAttribute(directory, "unix:mode", 01777);
        }
        Path file = file(cpu);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (created) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        return channel;
    }

    private Path file(int cpu) {
        return directory.resolve("cpu-" + cpu + ".lock");
    }

    private static long pidIn(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1; // held, by a process that has not written its pid yet
        }
    }

    private void warnOnce(Exception e) {
        if (!warned) {
            warned = true;
            Log.warn("pin: locks=%s cannot be used (%s): dedicated CPUs are not coordinated with other JVMs on this"
                    + " host; give a directory this user may write, e.g. locks=/tmp/sprint-opt", directory, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock either way
            }
        }
    }
}
