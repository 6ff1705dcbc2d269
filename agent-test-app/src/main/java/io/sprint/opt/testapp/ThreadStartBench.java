package io.sprint.opt.testapp;

import java.util.Locale;

/**
 * Thread start+join throughput of threads pin= does not select ("worker"), for the agent's
 * per-thread cost. Warms up for long enough that the agent has applied its level (it works off the
 * start-up path), then counts start+join pairs for the given seconds and prints one line:
 * {@code thread start+join/s 12345 (hook on)}.
 * Usage: ThreadStartBench [SECONDS]
 */
public final class ThreadStartBench {
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private ThreadStartBench() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        Runnable nothing = ThreadStartBench::nothing;
        startJoin(nothing, System.nanoTime() + WARMUP_NANOS);
        long start = System.nanoTime();
        long count = startJoin(nothing, start + seconds * 1_000_000_000L);
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "thread start+join/s %.0f (hook %s)%n", perSecond, hook());
    }

    private static long startJoin(Runnable task, long until) throws InterruptedException {
        long count = 0;
        while (System.nanoTime() < until) {
            Thread thread = new Thread(task, "worker");
            thread.start();
            thread.join();
            count++;
        }
        return count;
    }

    private static void nothing() {
    }

    /** Whether sprint-opt's thread hook is woven in and active here (its bridge has a handler). */
    static String hook() {
        try {
            Object handler = Class.forName("java.lang.SprintOptThreadHook").getField("handler").get(null);
            return handler != null ? "on" : "off";
        } catch (ReflectiveOperationException e) {
            return "absent";
        }
    }
}
