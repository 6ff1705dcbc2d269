package io.sprint.opt.testapp;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Thread churn: THREADS threads alive at any time, each living 1 to LIFE_MS ms (default 50) and
 * replaced by a new one as it ends, named {@code churn-N} (or {@code relay-churn-N} with
 * {@code --relay}, so pin= selects them). What a thread walk of the agent (/proc/self/task, a
 * thread's /proc files) meets on a busy server: threads that end between being listed and being
 * read. Prints {@code churn ready pid P threads T}, then each second {@code churn started N}.
 * Usage: ThreadChurn THREADS [LIFE_MS] [--relay]
 */
public final class ThreadChurn {
    private static final AtomicLong STARTED = new AtomicLong();

    private ThreadChurn() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long lifeMillis = args.length > 1 && !args[1].startsWith("--") ? Long.parseLong(args[1]) : 50;
        String prefix = java.util.Arrays.asList(args).contains("--relay") ? "relay-churn-" : "churn-";
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            startOne(prefix, lifeMillis, go);
        }
        go.countDown();
        System.out.println("churn ready pid " + ProcessHandle.current().pid() + " threads " + count);
        while (true) {
            Thread.sleep(1000);
            System.out.println("churn started " + STARTED.get());
        }
    }

    /**
     * A thread that lives a while, then starts its successor and ends. The first generation waits
     * for {@code go}, so that all of them are started before any ends.
     */
    private static void startOne(String prefix, long lifeMillis, java.util.concurrent.CountDownLatch go) {
        Thread thread = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, lifeMillis + 1) * 1_000_000L);
            startOne(prefix, lifeMillis, go);
        }, prefix + STARTED.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }
}
