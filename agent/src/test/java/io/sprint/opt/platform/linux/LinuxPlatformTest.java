package io.sprint.opt.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.JnaBootstrap;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The Linux layer against the real kernel, on threads of this test JVM, each change read back
 * from /proc and undone. Needs root or CAP_SYS_NICE/CAP_IPC_LOCK (this project's CI runs as
 * root); without them the tests are skipped with the reason.
 */
class LinuxPlatformTest {
    private final LinuxHost host = new LinuxHost();

    private Platform linux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        JnaBootstrap.initialise(false);
        return new LinuxPlatform(host);
    }

    /** A thread of our own to change, so the test runner's threads are left alone. */
    private static long withThread(ThrowingConsumer body) throws Exception {
        AtomicLong tid = new AtomicLong();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            tid.set(Long.parseLong(readlink()));
            started.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "linux-platform-test");
        thread.start();
        started.await();
        try {
            body.accept(tid.get());
        } finally {
            done.countDown();
            thread.join();
        }
        return tid.get();
    }

    private static String readlink() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface ThrowingConsumer {
        void accept(long tid) throws Exception;
    }

    @Test
    void threadsAreThisJvmsTasks() throws Exception {
        Platform linux = linux();
        long tid = withThread(t -> assertTrue(linux.threads().contains(t)));
        assertTrue(tid > 0);
    }

    @Test
    void affinityIsSetAndReadBackPerThread() throws Exception {
        Platform linux = linux();
        CpuList usable = host.allowedCpus();
        assumeTrue(usable.count() >= 2, "needs two CPUs");
        withThread(tid -> {
            BitSet before = linux.affinity(tid);
            BitSet one = new BitSet();
            one.set(usable.bits().length() - 1);
            linux.setAffinity(tid, one);
            assertEquals(one, linux.affinity(tid));
            linux.setAffinity(tid, before);
            assertEquals(before, linux.affinity(tid));
        });
    }

    @Test
    void timerSlackIsSetPerThread() throws Exception {
        Platform linux = linux();
        assumeTrue(host.hasCapability(23), "needs CAP_SYS_NICE");
        withThread(tid -> {
            long before = linux.timerSlackNanos(tid);
            linux.setTimerSlackNanos(tid, 1);
            assertEquals(1, linux.timerSlackNanos(tid));
            linux.setTimerSlackNanos(tid, before);
            assertEquals(before, linux.timerSlackNanos(tid));
        });
    }

    /** The nice value is per thread on Linux: read back from the thread's own /proc stat (field 19). */
    @Test
    void niceIsSetPerThread() throws Exception {
        Platform linux = linux();
        assumeTrue(host.hasCapability(23), "needs CAP_SYS_NICE to raise a priority");
        withThread(tid -> {
            int before = linux.niceness(tid);
            linux.setNiceness(tid, -10);
            assertEquals(-10, linux.niceness(tid));
            assertEquals("-10", statField(tid, 19));
            linux.setNiceness(tid, before);
            assertEquals(String.valueOf(before), statField(tid, 19));
        });
    }

    private static String statField(long tid, int field) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field - 3];
    }

    @Test
    void memoryLockShowsInVmLckAndGoes() throws Exception {
        Platform linux = linux();
        assumeTrue(host.memlockCapable(), "needs CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK");
        assumeTrue(linux.lockedKilobytes() == 0, "the test JVM already has locked memory");
        linux.lockMemory();
        try {
            assertTrue(linux.lockedKilobytes() > 0);
        } finally {
            linux.unlockMemory();
        }
        assertEquals(0, linux.lockedKilobytes());
    }

    @Test
    void aGoneThreadIsNoSuchThread() {
        Platform linux = linux();
        OsException error = org.junit.jupiter.api.Assertions.assertThrows(OsException.class,
                () -> linux.timerSlackNanos(Integer.MAX_VALUE - 1));
        assertTrue(error.noSuchThread(), error.getMessage());
    }

    /**
     * The kernel's ESRCH, not a made-up one: a /proc file opened while its thread ran and read
     * after the thread ended fails with "No such process", what a thread walk meets under churn.
     */
    @Test
    void aThreadThatEndedDuringTheReadIsNoSuchThread() throws Exception {
        linux();
        FileChannel[] open = new FileChannel[1];
        long tid = withThread(t -> open[0] = FileChannel.open(
                Path.of("/proc", Long.toString(t), "timerslack_ns")));
        for (int i = 0; i < 500 && Files.exists(Path.of("/proc/self/task", Long.toString(tid))); i++) {
            Thread.sleep(10); // Thread.join returns before the kernel has released the task
        }
        IOException esrch;
        try (FileChannel channel = open[0]) {
            esrch = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> channel.read(ByteBuffer.allocate(64)));
        }
        assertEquals("No such process", esrch.getMessage(), "thread " + tid);
        OsException error = LinuxPlatform.ioFailure("reading /proc/" + tid + "/timerslack_ns", esrch);
        assertTrue(error.noSuchThread(), error.getMessage());
    }

    /** On the calling thread, the only one Linux lets set it: node 0 exists on every host. */
    @Test
    void aThreadPrefersANodeAndGoesBackToTheDefault() throws Exception {
        Platform linux = linux();
        int[] seen = new int[3];
        Exception[] failure = new Exception[1];
        Thread thread = new Thread(() -> {
            try {
                seen[0] = linux.preferredMemoryNode();
                linux.preferMemoryNode(0);
                seen[1] = linux.preferredMemoryNode();
                linux.preferMemoryNode(-1);
                seen[2] = linux.preferredMemoryNode();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        assertEquals(-1, seen[0], "a new thread has the default policy");
        assertEquals(0, seen[1]);
        assertEquals(-1, seen[2]);
    }
}
