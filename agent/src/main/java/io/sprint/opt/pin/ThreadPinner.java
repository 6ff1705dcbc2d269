package io.sprint.opt.pin;

import io.sprint.opt.config.CpuList;
import java.lang.SprintOptThreadHook;
import io.sprint.opt.log.Log;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Remedies;
import io.sprint.opt.platform.Scheduling;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * Receives the thread events woven into {@link Thread} (see {@code SprintOptThreadHook}) and
 * tunes the threads {@code pin=} selects: a dedicated CPU, the real-time rule of
 * {@link PinConfig}, 1 ns timer slack. Every change is read back from the OS.
 *
 * <p>Threads that do not match cost a volatile read, a name match and nothing else. A pinned
 * thread that starts another steps onto the shared CPUs for the duration of {@code start()}, so
 * the new thread inherits those and not the dedicated CPU (its real-time policy is not inherited
 * at all: see {@link Platform#setScheduling}).
 */
final class ThreadPinner implements ObjIntConsumer<Thread> {
    private final Platform os;
    private final PinConfig config;
    private final CoreTable cores;
    private final Map<Thread, PinnedThread> pinned = new ConcurrentHashMap<>();
    private final AtomicInteger virtualThreads = new AtomicInteger();
    private final ThreadLocal<Boolean> busy = new ThreadLocal<>();
    private final String rtRemedy;
    private volatile boolean stopped;

    ThreadPinner(Platform os, PinConfig config, String rtRemedy) {
        this.os = os;
        this.config = config;
        this.rtRemedy = rtRemedy;
        this.cores = config.pinsCores() ? new CoreTable(config.cores().order()) : null;
    }

    PinConfig config() {
        return config;
    }

    @Override
    public void accept(Thread thread, int event) {
        if (stopped) {
            return;
        }
        switch (event) {
            case SprintOptThreadHook.RUN:
                if (thread == Thread.currentThread() && config.globs().matches(thread.getName())) {
                    pinSelf(thread);
                }
                break;
            case SprintOptThreadHook.RENAMED:
                if (config.globs().matches(thread.getName())) {
                    renamed(thread);
                } else if (!pinned.isEmpty() && pinned.containsKey(thread)) {
                    renamedAway(thread);
                }
                break;
            case SprintOptThreadHook.STARTING:
            case SprintOptThreadHook.STARTED:
                if (!pinned.isEmpty()) {
                    stepAside(Thread.currentThread(), event == SprintOptThreadHook.STARTING);
                }
                break;
            case SprintOptThreadHook.EXIT:
                if (!pinned.isEmpty()) {
                    ended(thread);
                }
                break;
            default:
                break;
        }
    }

    private void pinSelf(Thread thread) {
        if (pinned.containsKey(thread) || busy.get() != null) {
            return;
        }
        busy.set(Boolean.TRUE);
        try {
            pin(thread, os.currentThreadId());
        } catch (OsException | RuntimeException e) {
            Log.warn("pin: %s not pinned: %s", thread.getName(), e.getMessage());
        } finally {
            busy.remove();
        }
    }

    private void renamed(Thread thread) {
        if (VirtualThreads.isVirtual(thread)) {
            virtualThreads.incrementAndGet();
            Log.info("pin: %s is a virtual thread, never pinned (it moves between carrier threads)", thread.getName());
        } else if (thread == Thread.currentThread()) {
            pinSelf(thread);
        } else if (thread.isAlive() && !pinned.containsKey(thread)) {
            pinRunning(List.of(thread));
        }
        // not started yet: it is pinned when it runs
    }

    /** Pins threads that already run (found at install, or renamed by another thread). */
    int pinRunning(List<Thread> threads) {
        if (threads.isEmpty()) {
            return 0;
        }
        Map<Long, Long> nativeIds;
        try {
            nativeIds = NativeThreadIds.snapshot();
        } catch (Exception e) {
            Log.warn("pin: cannot find the native ids of running threads (%s); they are pinned only if they"
                    + " take a matching name again", e.getMessage());
            return 0;
        }
        int count = 0;
        for (Thread thread : threads) {
            Long tid = nativeIds.get(thread.getId());
            if (tid == null || pinned.containsKey(thread)) {
                continue;
            }
            try {
                pin(thread, tid);
                count++;
            } catch (OsException | RuntimeException e) {
                Log.warn("pin: %s (tid %d) not pinned: %s", thread.getName(), tid, e.getMessage());
            }
        }
        return count;
    }

    private synchronized void pin(Thread thread, long tid) throws OsException {
        if (stopped || pinned.containsKey(thread)) {
            return;
        }
        PinnedThread record = new PinnedThread(thread, tid, cores != null ? os.affinity(tid) : null, os.scheduling(tid),
                slack(tid));
        if (cores != null) {
            int cpu = cores.take();
            try {
                os.setAffinity(tid, single(cpu));
                if (!os.affinity(tid).equals(single(cpu))) {
                    throw new OsException("read back CPUs " + CpuList.of(os.affinity(tid)) + " after pinning to " + cpu, 0);
                }
                record.cpu = cpu;
            } catch (OsException e) {
                cores.release(cpu);
                record.problems.add("not pinned: " + withRemedy(e));
            }
        }
        pinned.put(thread, record);
        if (config.rtPriority() > 0) {
            applyRule(record);
            if (record.cpu >= 0) {
                for (PinnedThread other : pinned.values()) {
                    if (other != record && other.cpu == record.cpu) {
                        applyRule(other);
                    }
                }
            }
        }
        if (config.latency() && (record.scheduling == null || !record.scheduling.policy().realTime())) {
            try {
                os.setTimerSlackNanos(tid, 1);
            } catch (OsException e) {
                if (!e.isUnsupported()) { // an OS without timer slack says so once, in its own action
                    record.problems.add("timer slack: " + withRemedy(e));
                }
            }
        }
        Log.info("pinned %s", record.describe());
    }

    /** Gives {@code record} the policy the real-time rule wants for its CPU now, read back. */
    private void applyRule(PinnedThread record) {
        Scheduling wanted = os.realTime(record.cpu >= 0 && cores.users(record.cpu) == 1, config.rtPriority());
        if (wanted.equals(record.scheduling)) {
            return;
        }
        try {
            os.setScheduling(record.tid, wanted);
            Scheduling now = os.scheduling(record.tid);
            if (!now.equals(wanted)) {
                throw new OsException("read back " + now + " after setting " + wanted, 0);
            }
            record.scheduling = now;
        } catch (OsException e) {
            if (!e.noSuchThread()) {
                record.problems.add(wanted + ": " + (e.lacksPrivilege() ? e.getMessage() + "; " + rtRemedy
                        : e.getMessage()));
            }
        }
    }

    private void stepAside(Thread current, boolean starting) {
        PinnedThread record = pinned.get(current);
        if (record == null || record.cpu < 0) {
            return;
        }
        try {
            if (starting && record.starting++ == 0) {
                os.setAffinity(record.tid, config.cores().others().bits());
            } else if (!starting && record.starting > 0 && --record.starting == 0) {
                os.setAffinity(record.tid, single(record.cpu));
            }
        } catch (OsException e) {
            Log.debug("pin: %s stepping %s CPU %d: %s", current.getName(), starting ? "off" : "back onto", record.cpu,
                    e.getMessage());
        }
    }

    private synchronized void ended(Thread thread) {
        PinnedThread record = pinned.remove(thread);
        if (record != null && record.cpu >= 0) {
            Log.debug("pin: %s ended, CPU %d released", thread.getName(), record.cpu);
            release(record.cpu);
        }
    }

    /**
     * A pinned thread that takes a name {@code pin=} does not match joins the rest of the JVM: the
     * shared CPUs, the policy it had, the timer slack the others have; its CPU is freed.
     */
    private synchronized void renamedAway(Thread thread) {
        PinnedThread record = pinned.remove(thread);
        if (record == null) {
            return;
        }
        try {
            giveBack(record, record.cpu >= 0 ? config.cores().others().bits() : null, 1);
            Log.info("pin: %s (tid %d) no longer matches %s: back with the other threads", thread.getName(),
                    record.tid, config.globs());
        } catch (OsException e) {
            if (!e.noSuchThread()) {
                Log.warn("pin: %s (tid %d) renamed away, not given back everything: %s", thread.getName(), record.tid,
                        e.getMessage());
            }
        }
        if (record.cpu >= 0) {
            release(record.cpu);
        }
    }

    /**
     * Takes a thread's pinning off: its original policy, then {@code cpus} if it had a dedicated
     * CPU, then {@code slack} where slack is tuned (in that order: leaving a real-time policy resets
     * the slack; a negative slack, one never read, is left alone).
     */
    private void giveBack(PinnedThread record, BitSet cpus, long slack) throws OsException {
        if (record.scheduling != null) {
            os.setScheduling(record.tid, record.originalScheduling);
        }
        if (record.cpu >= 0) {
            os.setAffinity(record.tid, cpus);
        }
        if (config.latency() && slack >= 0) {
            os.setTimerSlackNanos(record.tid, slack);
        }
    }

    /** Frees a dedicated CPU; a thread left alone on it goes back to the policy for a CPU of its own. */
    private void release(int cpu) {
        cores.release(cpu);
        if (config.rtPriority() > 0) {
            for (PinnedThread other : pinned.values()) {
                if (other.cpu == cpu) {
                    applyRule(other);
                }
            }
        }
    }

    /**
     * Gives every pinned thread back its CPUs, policy and timer slack (in that order: leaving a
     * real-time policy resets the slack) and stops pinning.
     *
     * @return one line per thread that could not be given everything back
     */
    synchronized List<String> unpinAll() {
        stopped = true;
        List<String> failures = new ArrayList<>();
        for (PinnedThread record : pinned.values()) {
            try {
                giveBack(record, record.originalCpus, record.originalSlack);
            } catch (OsException e) {
                if (!e.noSuchThread()) {
                    failures.add(record.thread.getName() + " (tid " + record.tid + "): " + e.getMessage());
                }
            }
        }
        pinned.clear();
        return failures;
    }

    /** The selected threads still alive, as the MXBean shows them. */
    List<PinnedThread> threads() {
        List<PinnedThread> alive = new ArrayList<>();
        for (PinnedThread record : pinned.values()) {
            if (record.thread.isAlive()) {
                alive.add(record);
            }
        }
        alive.sort((a, b) -> Long.compare(a.tid, b.tid));
        return alive;
    }

    boolean isPinned(long tid) {
        for (PinnedThread record : pinned.values()) {
            if (record.tid == tid) {
                return true;
            }
        }
        return false;
    }

    int virtualThreadsSeen() {
        return virtualThreads.get();
    }

    private long slack(long tid) {
        if (!config.latency()) {
            return -1;
        }
        try {
            return os.timerSlackNanos(tid);
        } catch (OsException e) {
            return -1;
        }
    }

    private static BitSet single(int cpu) {
        BitSet bits = new BitSet();
        bits.set(cpu);
        return bits;
    }

    private static String withRemedy(OsException e) {
        return e.lacksPrivilege() ? e.getMessage() + "; " + Remedies.SYS_NICE : e.getMessage();
    }
}
