package io.sprint.opt.pin;

import io.sprint.opt.action.Drift;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.log.Log;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.threads.ThreadClaims;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Thread pinning in one JVM: at most one configuration at a time, its hook woven into Thread,
 * and the threads it tuned. Started and stopped by {@link PinningAction} through the ledger.
 */
public final class ThreadPinning {
    private final Instrumentation inst;
    private final Supplier<Platform> platform;
    private ThreadHook hook;
    private volatile ThreadPinner pinner;

    /** @param inst null where no agent runs (the CLI's plan): then nothing can be started */
    public ThreadPinning(Instrumentation inst, Supplier<Platform> platform) {
        this.inst = inst;
        this.platform = platform;
    }

    /** Runs the weaving once ahead of {@link #start}, on a thread that is otherwise idle (see {@link ThreadHook#prepare}). */
    public static void prepareHook() {
        ThreadHook.prepare();
    }

    /** A configuration as users read it, in this OS's policies. */
    String describe(PinConfig config) {
        return config.describe(platform.get());
    }

    /** The configuration in force, or null. */
    public PinConfig config() {
        ThreadPinner current = pinner;
        return current == null ? null : current.config();
    }

    /**
     * Weaves the hook (threads pin themselves as they start) and pins the matching threads that
     * already run.
     *
     * @return how many running threads were pinned now
     */
    public synchronized int start(PinConfig config) throws Exception {
        if (inst == null) {
            throw new IllegalStateException("thread pinning needs the agent loaded into the JVM");
        }
        PinConfig previous = config();
        stop(config.pinsCores() && previous != null && previous.locks() == config.locks() ? config.cores().locked()
                : CpuList.NONE);
        long begin = System.nanoTime();
        ThreadPinner started = new ThreadPinner(platform.get(), config, takeCpus(config));
        if (hook == null) {
            hook = new ThreadHook(inst);
        }
        hook.install(started);
        pinner = started;
        Log.debug("thread hook: in after %d ms", (System.nanoTime() - begin) / 1_000_000);
        List<Thread> running = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            if (thread.isAlive() && config.globs().matches(thread.getName())) {
                running.add(thread);
            }
        }
        return started.pinRunning(running, true);
    }

    /**
     * Locks the plan's dedicated CPUs and their idle siblings host-wide; another JVM may have taken
     * one since the plan: that one is not used, and said.
     *
     * @return the CPUs another JVM holds, with its pid: not to use
     */
    private static Map<Integer, Long> takeCpus(PinConfig config) {
        if (!config.pinsCores() || config.locks() == null) {
            return Map.of();
        }
        Map<Integer, Long> refused = config.locks().acquire(config.cores().locked());
        for (Map.Entry<Integer, Long> cpu : refused.entrySet()) {
            Log.warn("pin: CPU %d was taken by pid %d since the plan: not used", cpu.getKey(), cpu.getValue());
        }
        return refused;
    }

    /** Whether this JVM pins (an agent is loaded), so that a plan may lock the CPUs it counts on. */
    public boolean canStart() {
        return inst != null;
    }

    /** Lets go of the CPUs of {@code locks} that the pinning in force does not use: claims of a plan not taken up. */
    public synchronized void releaseUnused(CpuLocks locks) {
        ThreadPinner current = pinner;
        PinConfig config = current == null ? null : current.config();
        CpuList inUse = config != null && config.pinsCores() && config.locks() == locks ? config.cores().locked()
                : CpuList.NONE;
        locks.release(locks.held().minus(inUse));
    }

    /**
     * Every live platform thread, from the root thread group. Not Thread.getAllStackTraces: it
     * stops the JVM at a safepoint to walk every thread's stack (1 s with 5,000 threads here).
     */
    static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 64];
        int found;
        while ((found = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return Arrays.copyOf(threads, found);
    }

    /**
     * Takes the hook out and gives every pinned thread back what it had.
     *
     * @return one line per thread that could not be given everything back
     */
    public synchronized List<String> stop() throws Exception {
        return stop(CpuList.NONE);
    }

    /** @param keep CPUs the next pinning takes over: kept locked, so no other JVM slips in between */
    private List<String> stop(CpuList keep) throws Exception {
        ThreadPinner current = pinner;
        if (current == null) {
            return List.of();
        }
        pinner = null;
        hook.uninstall();
        List<String> failures = current.unpinAll();
        PinConfig config = current.config();
        if (config.pinsCores() && config.locks() != null) {
            config.locks().release(config.cores().locked().minus(keep));
        }
        return failures;
    }

    /** Whether the native thread {@code tid} is tuned here (process-wide timer slack leaves it alone). */
    public boolean isPinned(long tid) {
        ThreadPinner current = pinner;
        return current != null && current.isPinned(tid);
    }

    /** Whether the native thread {@code tid} has a dedicated CPU here (process-wide CPU masks leave it alone). */
    public boolean hasOwnCpu(long tid) {
        ThreadPinner current = pinner;
        return current != null && current.hasOwnCpu(tid);
    }

    /**
     * {@link #isPinned} (or, with {@code ownCpu}, {@link #hasOwnCpu}) for the process-wide
     * settings that leave those threads alone, under the pinner's lock. A class, not a method
     * reference: it is built while a level goes in force, when a cold JVM pays each method
     * reference's first use.
     */
    public ThreadClaims leftAlone(boolean ownCpu) {
        return new LeftAlone(ownCpu);
    }

    private final class LeftAlone implements ThreadClaims {
        private final boolean ownCpu;

        LeftAlone(boolean ownCpu) {
            this.ownCpu = ownCpu;
        }

        @Override
        public boolean claimed(long tid) {
            return ownCpu ? hasOwnCpu(tid) : isPinned(tid);
        }

        /** The pinner's own monitor, which pinning a thread holds. */
        @Override
        public Object lock() {
            ThreadPinner current = pinner;
            return current != null ? current : this;
        }
    }

    /** Dedicated CPUs of the plan in force that another JVM locked first, with its pid. */
    public Map<Integer, Long> takenElsewhere() {
        ThreadPinner current = pinner;
        return current == null ? Map.of() : current.takenElsewhere();
    }

    public int count() {
        ThreadPinner current = pinner;
        return current == null ? 0 : current.threads().size();
    }

    /** The PinnedThreads attribute: the selected threads still alive. */
    public List<PinnedThreadRow> rows() {
        ThreadPinner current = pinner;
        List<PinnedThreadRow> rows = new ArrayList<>();
        if (current != null) {
            for (PinnedThread thread : current.threads()) {
                rows.add(new PinnedThreadRow(thread.thread.getName(), thread.tid, thread.cpu, thread.policy(),
                        current.placement(thread)));
            }
        }
        return rows;
    }

    /** Pinned threads whose CPU or policy someone changed since; empty when nothing is pinned. */
    public List<Drift> drift() {
        ThreadPinner current = pinner;
        return current == null ? List.of() : current.drift();
    }

    /** Whether {@code drift} is a pinned thread's (put back here) rather than a setting's. */
    public static boolean isPinDrift(Drift drift) {
        return drift.setting().equals(ThreadPinner.CPU_DRIFT) || drift.setting().equals(ThreadPinner.POLICY_DRIFT);
    }

    /** Gives drifted pinned threads their CPU and policy again. */
    public List<String> reapply(List<Drift> drift) {
        ThreadPinner current = pinner;
        return current == null ? List.of() : current.reapply(drift);
    }

    public int virtualThreadsSeen() {
        ThreadPinner current = pinner;
        return current == null ? 0 : current.virtualThreadsSeen();
    }
}
