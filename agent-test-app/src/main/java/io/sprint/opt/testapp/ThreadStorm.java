package io.sprint.opt.testapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Many running threads that pin= selects, and an application thread that measures its own
 * stalls while the agent works on them. THREADS threads named {@code relay-N} each wake every
 * PERIOD ms (default 1000) for a little work, like relay threads waiting on their sockets; {@code app-main} sleeps 1 ms in a loop and records how much later it
 * wakes, and runs {@code System.gc()} once a second. Prints {@code storm ready pid P threads T}
 * once every thread runs; then each line {@code report} on stdin prints, and resets,
 * {@code stall max-ms 1.234 gc max-ms 5.678 samples 1000} for the time since the last report.
 * Usage: ThreadStorm THREADS [PERIOD_MS]
 */
public final class ThreadStorm {
    private static final AtomicLong MAX_STALL = new AtomicLong();
    private static final AtomicLong MAX_GC = new AtomicLong();
    private static final AtomicLong SAMPLES = new AtomicLong();
    private static volatile long sink;
    private static long periodNanos;

    private ThreadStorm() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        periodNanos = (args.length > 1 ? Long.parseLong(args[1]) : 1000) * 1_000_000L;
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(ThreadStorm::work, "relay-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        Thread app = new Thread(ThreadStorm::measure, "app-main");
        app.setDaemon(true);
        app.start();
        System.out.println("storm ready pid " + ProcessHandle.current().pid() + " threads " + threads.size());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.trim().equals("report")) {
                System.out.printf(Locale.ROOT, "stall max-ms %.3f gc max-ms %.3f samples %d%n",
                        MAX_STALL.getAndSet(0) / 1e6, MAX_GC.getAndSet(0) / 1e6, SAMPLES.getAndSet(0));
            }
        }
    }

    private static void work() {
        long value = 0;
        while (true) {
            LockSupport.parkNanos(periodNanos);
            for (int i = 0; i < 1000; i++) {
                value += i * 31L;
            }
            sink = value;
        }
    }

    private static void measure() {
        long nextGc = System.nanoTime() + 1_000_000_000L;
        while (true) {
            long start = System.nanoTime();
            LockSupport.parkNanos(1_000_000);
            long now = System.nanoTime();
            MAX_STALL.accumulateAndGet(now - start - 1_000_000, Math::max);
            SAMPLES.incrementAndGet();
            if (now >= nextGc) {
                System.gc();
                long end = System.nanoTime();
                MAX_GC.accumulateAndGet(end - now, Math::max);
                nextGc = end + 1_000_000_000L;
            }
        }
    }
}
