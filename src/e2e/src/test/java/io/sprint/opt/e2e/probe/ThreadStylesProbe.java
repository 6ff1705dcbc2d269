package io.sprint.opt.e2e.probe;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts, per "wave N" line on stdin, one thread of every creation style a user writes, each of
 * which then waits forever: {@code relay-*} threads pinning must catch, and three that it must not
 * (a child a relay thread starts, a worker, and a relay thread that renames itself away). Prints "wave N ready" once all of them wait.
 */
public final class ThreadStylesProbe {
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final List<Thread> STARTED = new ArrayList<>();

    private ThreadStylesProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("probe pid " + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("wave ")) {
                String wave = line.substring(5).trim();
                wave(wave);
                System.out.println("wave " + wave + " ready");
            }
        }
    }

    private static void wave(String w) throws Exception {
        started(new Thread(ThreadStylesProbe::park, "relay-plain-" + w)).start();
        started(new RelayThread("relay-sub-" + w)).start();
        ExecutorService pool = Executors.newSingleThreadExecutor(task -> started(new Thread(task, "relay-pool-" + w)));
        pool.execute(ThreadStylesProbe::park);
        started(new Thread(() -> {
            Thread.currentThread().setName("relay-self-" + w);
            park();
        })).start();
        Thread later = started(new Thread(ThreadStylesProbe::park));
        later.start();
        awaitWaiting(later);
        later.setName("relay-later-" + w);
        started(new Thread(() -> {
            started(new Thread(ThreadStylesProbe::park, "child-" + w)).start();
            park();
        }, "relay-parent-" + w)).start();
        started(new Thread(ThreadStylesProbe::park, "worker-" + w)).start();
        started(new Thread(() -> { // pinned as it starts, then renamed to a name pin= does not match
            Thread.currentThread().setName("away-" + w);
            park();
        }, "relay-away-" + w)).start();
        virtualThread("relay-virtual-" + w);
        for (int waited = -1; waited != snapshot().size(); ) {
            List<Thread> threads = snapshot(); // relay-parent adds its child meanwhile
            for (Thread thread : threads) {
                awaitWaiting(thread);
            }
            waited = threads.size();
        }
    }

    /** JDK 21+: a virtual thread that takes a relay name (reflection: this probe compiles for 17). */
    private static void virtualThread(String name) throws Exception {
        if (Runtime.version().feature() < 21) {
            return;
        }
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Thread virtual = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class)
                .invoke(builder, (Runnable) ThreadStylesProbe::park);
        virtual.start();
        virtual.setName(name);
    }

    private static List<Thread> snapshot() {
        synchronized (STARTED) {
            return new ArrayList<>(STARTED);
        }
    }

    private static Thread started(Thread thread) {
        synchronized (STARTED) {
            STARTED.add(thread);
        }
        return thread;
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(5);
        }
    }

    private static void park() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A Thread subclass with its own run(), not calling super.run(). */
    private static final class RelayThread extends Thread {
        RelayThread(String name) {
            super(name);
        }

        @Override
        public void run() {
            park();
        }
    }
}
