package io.sprint.opt.pin;

import io.sprint.opt.action.Drift;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.events.FlightEvents;
import io.sprint.opt.log.Log;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.ProcessId;
import io.sprint.opt.platform.Scheduling;
import java.lang.SprintOptThreadHook;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** Threads a summary names before it says "…". */
    private static final int NAMES_IN_SUMMARY = 5;

    private final Platform os;
    private final PinConfig config;
    private final CoreTable cores;
    private final Map<Thread, PinnedThread> pinned = new ConcurrentHashMap<>();
    /** The pinned threads by native id: every thread of a process-wide walk asks, so one lookup each. */
    private final Map<Long, PinnedThread> byTid = new ConcurrentHashMap<>();
    /** Dedicated CPUs of the plan another JVM locked first, with its pid: never handed out. */
    private final Map<Integer, Long> takenElsewhere;
    private final AtomicInteger virtualThreads = new AtomicInteger();
    private final PinLog log = new PinLog();
    private final ThreadLocal<Boolean> busy = new ThreadLocal<>();
    private volatile boolean stopped;

    ThreadPinner(Platform os, PinConfig config) {
        this(os, config, Map.of());
    }

    /** @param takenElsewhere dedicated CPUs of the plan another JVM locked since, with its pid */
    ThreadPinner(Platform os, PinConfig config, Map<Integer, Long> takenElsewhere) {
        this.os = os;
        this.config = config;
        this.takenElsewhere = Map.copyOf(takenElsewhere);
        this.cores = config.pinsCores() ? new CoreTable(config.cores().order(), config.cores().exclusive()) : null;
        if (cores != null) {
            for (int cpu : takenElsewhere.keySet()) {
                cores.drop(cpu);
            }
        }
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
            PinnedThread record = pin(thread, os.currentThreadId());
            if (record != null) {
                log.pinned(record);
            }
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
            pinRunning(List.of(thread), false);
        }
        // not started yet: it is pinned when it runs
    }

    /**
     * Pins threads that already run (found at install, or renamed by another thread). A batch is
     * logged as one summary line, a single thread as itself.
     *
     * @return how many were pinned
     */
    int pinRunning(List<Thread> threads, boolean batch) {
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
        List<PinnedThread> batchPinned = new ArrayList<>();
        int count = 0;
        for (Thread thread : threads) {
            Long tid = nativeIds.get(thread.getId());
            if (tid == null || pinned.containsKey(thread)) {
                continue; // ended since it was listed, or already pinned as it started
            }
            try {
                PinnedThread record = pin(thread, tid);
                if (record == null) {
                    continue;
                }
                count++;
                if (batch) {
                    log.pinnedRunning(record);
                    batchPinned.add(record);
                } else {
                    log.pinned(record);
                }
            } catch (OsException e) {
                if (!e.noSuchThread()) {
                    Log.warn("pin: %s (tid %d) not pinned: %s", thread.getName(), tid, e.getMessage());
                }
            } catch (RuntimeException e) {
                Log.warn("pin: %s (tid %d) not pinned: %s", thread.getName(), tid, e.getMessage());
            }
        }
        if (batch) {
            summarise(batchPinned);
        }
        return count;
    }

    /**
     * One line for threads found running: how many, the first few names, where they went and with
     * which policy (read once all are pinned: the first on a CPU is FIFO until a second joins it).
     */
    private void summarise(List<PinnedThread> records) {
        Map<String, Integer> placed = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (PinnedThread record : records) {
            String place = (record.cpu >= 0 ? "on CPU " + record.cpu + " " : "") + record.policy();
            Integer same = placed.get(place);
            placed.put(place, same == null ? 1 : same + 1);
            if (names.size() < NAMES_IN_SUMMARY) {
                names.add(record.thread.getName());
            }
        }
        int count = records.size();
        StringBuilder where = new StringBuilder();
        for (Map.Entry<String, Integer> place : placed.entrySet()) {
            where.append(where.length() == 0 ? ": " : ", ").append(place.getValue()).append(" ")
                    .append(place.getKey());
        }
        Log.info("pin: %d running %s matching %s pinned%s%s%s", count, count == 1 ? "thread" : "threads", config.globs(),
                names.isEmpty() ? "" : " (" + String.join(", ", names) + (count > names.size() ? ", …)" : ")"), where,
                log.refusalCounts());
    }

    /**
     * The name is read again here, under the lock that renaming away takes too: a thread found
     * running by its old name may have renamed itself since it was listed.
     *
     * @return the record, or null when pinning has stopped, the thread is pinned already or its
     *     name no longer matches
     */
    private synchronized PinnedThread pin(Thread thread, long tid) throws OsException {
        if (stopped || pinned.containsKey(thread) || !config.globs().matches(thread.getName())) {
            return null;
        }
        PinnedThread record = pinAndRecord(thread, tid);
        // renamed while being pinned: its rename event may have looked before the record was there
        if (record != null && !config.globs().matches(thread.getName())) {
            renamedAway(thread);
            return null;
        }
        return record;
    }

    private PinnedThread pinAndRecord(Thread thread, long tid) throws OsException {
        PinnedThread record = new PinnedThread(thread, tid, cores != null ? os.affinity(tid) : null, os.scheduling(tid),
                slack(tid));
        if (cores != null) {
            int cpu = cores.leastUsed();
            if (cpu < 0) {
                // every dedicated CPU left takes one thread (nohz_full) and has it, or another JVM took
                // them: this thread stays with the rest of the JVM, without a real-time policy that would
                // compete with the GC there
                String why = noCpuLeft();
                record.problems.add("no dedicated CPU left: " + why);
                log.noCpuLeft(record, why);
                pinned.put(thread, record);
                byTid.put(tid, record);
                return record;
            }
            try {
                os.setAffinity(tid, single(cpu));
                if (!os.affinity(tid).equals(single(cpu))) {
                    throw new OsException("read back CPUs " + CpuList.of(os.affinity(tid)) + " after pinning to " + cpu, 0);
                }
                record.cpu = cpu;
                cores.add(cpu, record);
            } catch (OsException e) {
                if (e.noSuchThread()) {
                    return null;
                }
                refused(PinLog.Refusal.CPU, record, e, os.remedy(Capability.THREAD_AFFINITY));
            }
        }
        pinned.put(thread, record);
        byTid.put(tid, record);
        if (record.cpu >= 0 && config.prefersNode()) {
            preferNode(record);
        }
        if (config.rtPriority() > 0) {
            applyRule(record);
            if (record.cpu >= 0 && cores.users(record.cpu) == 2) { // its CPU's first thread is no longer alone
                for (PinnedThread other : cores.on(record.cpu)) {
                    applyRule(other);
                }
            }
        }
        if (config.latency() && (record.scheduling == null || !record.scheduling.policy().realTime())) {
            try {
                os.setTimerSlackNanos(tid, 1);
            } catch (OsException e) {
                if (!e.isUnsupported() && !e.noSuchThread()) { // an OS without timer slack says so once, in its own action
                    refused(PinLog.Refusal.SLACK, record, e, os.remedy(Capability.TIMER_SLACK));
                }
            }
        }
        FlightEvents.threadPin(true, thread.getName(), tid, record.cpu, record.policy());
        return record;
    }

    /**
     * Memory from the dedicated CPU's node, set by the thread on itself: Linux has no call for
     * another thread's policy, so a thread found running keeps its own (said in its record).
     */
    private void preferNode(PinnedThread record) {
        int node = config.nodes().nodeOf(record.cpu);
        if (node < 0) {
            return;
        }
        if (record.thread != Thread.currentThread()) {
            record.problems.add("memory node: set only by a thread on itself; it keeps its own policy");
            return;
        }
        try {
            os.preferMemoryNode(node);
            if (os.preferredMemoryNode() == node) {
                record.memoryNode = node;
            } else {
                record.problems.add("memory node: read back " + os.preferredMemoryNode() + " after preferring " + node);
            }
        } catch (OsException e) {
            record.problems.add("memory node: " + e.getMessage());
        }
    }

    /** Noted on the thread (its describe() says it) and logged once per remedy. */
    private void refused(PinLog.Refusal refusal, PinnedThread record, OsException e, String remedy) {
        String why = e.lacksPrivilege() ? remedy : null;
        record.problems.add(refusal.what() + ": " + e.getMessage() + (why == null ? "" : "; " + why));
        log.refused(refusal, record, e.getMessage(), why);
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
                refused(PinLog.Refusal.POLICY, record, e, os.remedy(Capability.THREAD_SCHEDULING));
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
                os.setAffinity(record.tid, sharedCpus());
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
        if (record != null) {
            byTid.remove(record.tid);
            FlightEvents.threadPin(false, thread.getName(), record.tid, -1, "ended");
            if (record.cpu >= 0) {
                Log.debug("pin: %s ended, CPU %d released", thread.getName(), record.cpu);
                release(record);
            }
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
        byTid.remove(record.tid);
        try {
            giveBack(record, record.cpu >= 0 ? sharedCpus() : null, 1);
            Log.info("pin: %s (tid %d) no longer matches %s: back with the other threads", thread.getName(),
                    record.tid, config.globs());
        } catch (OsException e) {
            if (!e.noSuchThread()) {
                Log.warn("pin: %s (tid %d) renamed away, not given back everything: %s", thread.getName(), record.tid,
                        e.getMessage());
            }
        }
        if (record.cpu >= 0) {
            release(record);
        }
    }

    /**
     * Takes a thread's pinning off: its original policy, then {@code cpus} if it had a dedicated
     * CPU, then {@code slack} where slack is tuned (in that order: leaving a real-time policy resets
     * the slack; a negative slack, one never read, is left alone).
     */
    private void giveBack(PinnedThread record, BitSet cpus, long slack) throws OsException {
        FlightEvents.threadPin(false, record.thread.getName(), record.tid, -1, record.originalScheduling.toString());
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

    /** Frees a thread's dedicated CPU; a thread left alone there goes back to the policy for a CPU of its own. */
    private void release(PinnedThread record) {
        cores.remove(record.cpu, record);
        if (config.rtPriority() > 0 && cores.users(record.cpu) == 1) {
            for (PinnedThread other : cores.on(record.cpu)) {
                applyRule(other);
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
        long keepNode = pinned.values().stream().filter(r -> r.memoryNode >= 0 && r.thread.isAlive()).count();
        if (keepNode > 0) {
            Log.info("pin: %d thread(s) keep their preferred memory node until they end: Linux lets only a thread itself"
                    + " change its memory policy", keepNode);
        }
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
        byTid.clear();
        return failures;
    }

    /** The kinds of drift of a pinned thread, as {@link Drift#setting} names them. */
    static final String CPU_DRIFT = "pinned CPU";
    static final String POLICY_DRIFT = "pinned policy";

    /**
     * Each pinned thread whose CPU or policy is no longer what it was given (by taskset or chrt
     * from outside). A thread inside Thread.start has stepped aside on purpose: not drift.
     */
    synchronized List<Drift> drift() {
        List<Drift> drift = new ArrayList<>();
        for (PinnedThread record : byTid.values()) {
            if (record.starting > 0) {
                continue;
            }
            String name = record.thread.getName();
            try {
                if (record.cpu >= 0) {
                    BitSet now = os.affinity(record.tid);
                    if (!now.equals(single(record.cpu))) {
                        drift.add(new Drift(CPU_DRIFT, Integer.toString(record.cpu), CpuList.of(now).toString(), name,
                                record.tid));
                    }
                }
                if (record.scheduling != null) {
                    Scheduling now = os.scheduling(record.tid);
                    if (!now.equals(record.scheduling)) {
                        drift.add(new Drift(POLICY_DRIFT, record.scheduling.toString(), now.toString(), name,
                                record.tid));
                    }
                }
            } catch (OsException e) {
                if (!e.noSuchThread()) {
                    drift.add(new Drift(CPU_DRIFT, Integer.toString(record.cpu), "unreadable: " + e.getMessage(), name,
                            record.tid));
                }
            }
        }
        return drift;
    }

    /** Gives the threads of {@code drift} their CPU and policy again; one line per thread. */
    synchronized List<String> reapply(List<Drift> drift) {
        List<String> lines = new ArrayList<>();
        for (Drift found : drift) {
            PinnedThread record = byTid.get(found.tid());
            if (record == null) {
                continue;
            }
            try {
                if (found.setting().equals(CPU_DRIFT) && record.cpu >= 0) {
                    os.setAffinity(record.tid, single(record.cpu));
                    lines.add(record.thread.getName() + " (" + record.tid + ") → CPU " + record.cpu);
                } else if (found.setting().equals(POLICY_DRIFT) && record.scheduling != null) {
                    os.setScheduling(record.tid, record.scheduling);
                    lines.add(record.thread.getName() + " (" + record.tid + ") → " + record.scheduling);
                }
            } catch (OsException e) {
                lines.add(record.thread.getName() + " (" + record.tid + "): not put back: " + e.getMessage());
            }
        }
        return lines;
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

    /** Why {@code record} is where it is, for PinnedThreads. */
    synchronized String placement(PinnedThread record) {
        List<String> parts = new ArrayList<>();
        if (record.cpu >= 0) {
            int sharing = cores.users(record.cpu) - 1;
            String kind = config.cores().exclusive().contains(record.cpu) ? "nohz_full CPU " : "CPU ";
            parts.add(sharing == 0 ? "alone on " + kind + record.cpu : "shares " + kind + record.cpu + " with " + sharing);
        } else if (cores != null) {
            parts.add("no dedicated CPU");
        }
        if (record.memoryNode >= 0) {
            parts.add("memory from node " + record.memoryNode);
        }
        parts.addAll(record.problems);
        return String.join("; ", parts);
    }

    boolean isPinned(long tid) {
        return byTid.containsKey(tid);
    }

    /** Whether the native thread {@code tid} is pinned to a dedicated CPU (not only given a policy). */
    boolean hasOwnCpu(long tid) {
        PinnedThread record = byTid.get(tid);
        return record != null && record.cpu >= 0;
    }

    /** Dedicated CPUs of the plan another JVM locked first, with its pid. */
    Map<Integer, Long> takenElsewhere() {
        return takenElsewhere;
    }

    /** Why a thread finds no dedicated CPU: the nohz_full ones are each taken, or another JVM has them. */
    private String noCpuLeft() {
        List<String> why = new ArrayList<>();
        if (!config.cores().exclusive().isEmpty()) {
            why.add("each nohz_full CPU takes one thread and has it");
        }
        takenElsewhere.forEach((cpu, pid) -> why.add("CPU " + cpu + " taken by pid " + pid + " since the plan"));
        return String.join("; ", why);
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

    /**
     * The CPUs the rest of the JVM runs on now: those of its first thread (tid = pid), which the
     * launcher keeps for the JVM's life and the cpu-affinity action sets like every other. Not the
     * plan's "others": pinning is applied before the JVM is narrowed and taken off after it is
     * widened again, and a thread started by a pinned thread in between must get what the rest
     * has at that moment.
     */
    private BitSet sharedCpus() {
        try {
            return os.affinity(ProcessId.current());
        } catch (OsException e) {
            return config.cores().others().bits();
        }
    }

    private static BitSet single(int cpu) {
        BitSet bits = new BitSet();
        bits.set(cpu);
        return bits;
    }
}
