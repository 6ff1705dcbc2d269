package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.CpuTopology;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.Scheduling;
import java.lang.SprintOptThreadHook;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The real-time rule and the CPU table through the pinner's own events, over an OS that keeps
 * per-thread state in maps (the real one is exercised end to end in src/e2e).
 */
class ThreadPinnerTest {
    /** Per-thread CPUs, policy and slack, as a kernel would keep them. */
    static class TableOs implements Platform {
        final Map<Long, BitSet> cpus = new ConcurrentHashMap<>();
        final Map<Long, Scheduling> policies = new ConcurrentHashMap<>();
        final Map<Long, Long> slack = new ConcurrentHashMap<>();
        private final AtomicLong nextTid = new AtomicLong(100);
        private final ThreadLocal<Long> tid = ThreadLocal.withInitial(() -> {
            long id = nextTid.incrementAndGet();
            cpus.put(id, CpuList.parse("0-3").bits());
            policies.put(id, Scheduling.NORMAL);
            slack.put(id, 50_000L);
            return id;
        });

        @Override public String name() { return "table"; }
        @Override public List<Long> threads() { return List.copyOf(cpus.keySet()); }
        @Override public String missing(Capability capability) { return null; }
        @Override public String remedy(Capability capability) { return "remedy"; }

        TableOs() {
            cpus.put(ProcessHandle.current().pid(), CpuList.parse("0-1").bits()); // the rest of the JVM: the plan's others
        }

        @Override public BitSet affinity(long t) throws OsException {
            BitSet mask = cpus.get(t);
            if (mask == null) {
                throw new OsException("no thread " + t, OsException.ESRCH);
            }
            return (BitSet) mask.clone();
        }
        @Override public void setAffinity(long t, BitSet set) throws OsException { cpus.put(t, (BitSet) set.clone()); }
        @Override public long currentThreadId() { return tid.get(); }
        @Override public Scheduling scheduling(long t) { return policies.get(t); }
        @Override public void setScheduling(long t, Scheduling s) { policies.put(t, s); }
        @Override public long timerSlackNanos(long t) throws OsException { return slack.get(t); }
        @Override public void setTimerSlackNanos(long t, long nanos) throws OsException { slack.put(t, nanos); }
        final ThreadLocal<Integer> memoryNode = ThreadLocal.withInitial(() -> -1);
        @Override public void preferMemoryNode(int node) { memoryNode.set(node); }
        @Override public int preferredMemoryNode() { return memoryNode.get(); }
        @Override public void lockMemory() throws OsException { throw OsException.unsupported("lock", name()); }
        @Override public void unlockMemory() throws OsException { throw OsException.unsupported("lock", name()); }
        @Override public long lockedKilobytes() throws OsException { throw OsException.unsupported("lock", name()); }
        @Override public void adviseHugePages(long a, long l) throws OsException { throw OsException.unsupported("hp", name()); }
        @Override public boolean hugePagesAdvised(long a, long l) throws OsException { throw OsException.unsupported("hp", name()); }
    }

    /** macOS-shaped: no thread affinity, and one real-time policy that has no priority. */
    static final class NoAffinityOs extends TableOs {
        @Override public String missing(Capability capability) {
            return capability == Capability.THREAD_AFFINITY || capability == Capability.TIMER_SLACK ? "not here" : null;
        }
        @Override public BitSet affinity(long t) throws OsException { throw OsException.unsupported("affinity", "here"); }
        @Override public void setAffinity(long t, BitSet set) throws OsException { throw OsException.unsupported("affinity", "here"); }
        @Override public long timerSlackNanos(long t) throws OsException {
            throw OsException.unsupported("timer slack", "here");
        }
        @Override public void setTimerSlackNanos(long t, long nanos) throws OsException {
            throw OsException.unsupported("timer slack", "here");
        }
        @Override public Scheduling realTime(boolean alone, int priority) {
            return new Scheduling(Scheduling.Policy.MACH_TIME_CONSTRAINT, 0);
        }
    }

    private TableOs os = new TableOs();
    private ThreadPinner pinner = new ThreadPinner(os, new PinConfig(new NameGlobs(List.of("relay-*")),
            CorePlan.of(CpuList.parse("0-3"), CpuList.parse("2-3"), Map.of()), 10, true));

    /** Starts a thread that sends the pinner its RUN event, runs {@code work}, then waits until told to end (EXIT). */
    private final class Relay {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch end = new CountDownLatch(1);
        final Thread thread;
        volatile long tid;

        Relay(String name) throws InterruptedException {
            this(name, () -> { });
        }

        Relay(String name, Runnable work) throws InterruptedException {
            thread = new Thread(() -> {
                tid = os.currentThreadId();
                pinner.accept(Thread.currentThread(), SprintOptThreadHook.RUN);
                work.run();
                started.countDown();
                try {
                    end.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                pinner.accept(Thread.currentThread(), SprintOptThreadHook.EXIT);
            }, name);
            thread.start();
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " did not start (did the pinner throw on it?)");
            }
        }

        String cpus() {
            return CpuList.of(os.cpus.get(tid)).toString();
        }

        String policy() {
            return os.policies.get(tid).toString();
        }

        void end() throws InterruptedException {
            end.countDown();
            thread.join();
        }
    }

    @Test
    void aloneIsFifoSharedIsRoundRobinAndAloneAgainIsFifo() throws Exception {
        Relay a = new Relay("relay-a");
        Relay b = new Relay("relay-b");
        assertEquals("2", a.cpus());
        assertEquals("3", b.cpus());
        assertEquals("SCHED_FIFO 10", a.policy());
        assertEquals("SCHED_FIFO 10", b.policy());

        Relay c = new Relay("relay-c"); // a third thread for two CPUs shares with a
        assertEquals("2", c.cpus());
        assertEquals("SCHED_RR 10", c.policy());
        assertEquals("SCHED_RR 10", a.policy());
        assertEquals("SCHED_FIFO 10", b.policy());

        c.end(); // a is alone again, and CPU 2 has room
        assertEquals("SCHED_FIFO 10", a.policy());
        assertEquals(2, pinner.threads().size());
        Relay d = new Relay("relay-d");
        assertEquals("2", d.cpus());
        assertEquals("SCHED_RR 10", a.policy());
        for (Relay relay : List.of(a, b, d)) {
            relay.end();
        }
    }

    @Test
    void nonMatchingThreadsAreLeftAloneAndUnpinAllGivesEverythingBack() throws Exception {
        Relay worker = new Relay("worker-1");
        assertEquals("0-3", worker.cpus());
        assertEquals("SCHED_OTHER", worker.policy());

        Relay relay = new Relay("relay-1");
        assertEquals("SCHED_FIFO 10", relay.policy());
        assertEquals(50_000L, os.slack.get(relay.tid), "a real-time thread's slack is left to the kernel");
        assertEquals(List.of(), pinner.unpinAll());
        assertEquals("0-3", relay.cpus());
        assertEquals("SCHED_OTHER", relay.policy());
        assertEquals(50_000L, os.slack.get(relay.tid));

        Relay after = new Relay("relay-2"); // stopped: threads started afterwards are left alone
        assertEquals("0-3", after.cpus());
        assertEquals("SCHED_OTHER", after.policy());
        for (Relay thread : List.of(worker, relay, after)) {
            thread.end();
        }
    }

    @Test
    void withoutAffinityTheThreadGetsItsOsRealTimePolicyAndGivesItBack() throws Exception {
        os = new NoAffinityOs();
        pinner = new ThreadPinner(os, new PinConfig(new NameGlobs(List.of("relay-*")), null, 10, true));
        Relay relay = new Relay("relay-1");
        assertEquals("THREAD_TIME_CONSTRAINT_POLICY", relay.policy());
        assertEquals("0-3", relay.cpus(), "never moved");
        assertEquals(List.of(), pinner.unpinAll());
        assertEquals("SCHED_OTHER", relay.policy(), "the policy it had, back");
        relay.end();
    }

    @Test
    void anOsWithoutTimerSlackIsNoProblemOfTheThread() throws Exception {
        os = new NoAffinityOs();
        pinner = new ThreadPinner(os, new PinConfig(new NameGlobs(List.of("relay-*")), null, 0, true));
        Relay relay = new Relay("relay-1");
        assertEquals(1, pinner.threads().size());
        assertEquals(List.of(), pinner.threads().get(0).problems, "said once, by the timer action");
        relay.end();
    }

    @Test
    void aRunningThreadRenamedAwayAfterItWasListedIsNotPinned() throws Exception {
        Relay x = new Relay("worker-x"); // running, not pinned
        long nativeTid = NativeThreadIds.snapshot().get(x.thread.getId()); // how pinRunning finds it
        os.cpus.put(nativeTid, CpuList.parse("0-3").bits());
        os.policies.put(nativeTid, Scheduling.NORMAL);
        os.slack.put(nativeTid, 50_000L);
        x.thread.setName("relay-x"); // listed by this name when the level is applied ...
        List<Thread> listed = List.of(x.thread);
        x.thread.setName("away-x"); // ... renamed before the pinner reaches it (its event found nothing pinned)
        assertEquals(0, pinner.pinRunning(listed, true));
        assertEquals(0, pinner.threads().size());
        x.end();
    }

    @Test
    void aThreadRenamedAwayJoinsTheRestAndFreesItsCpu() throws Exception {
        Relay a = new Relay("relay-a");
        Relay b = new Relay("relay-b");
        Relay c = new Relay("relay-c"); // shares CPU 2 with a: both RR
        assertEquals("SCHED_RR 10", a.policy());

        c.thread.setName("worker-c"); // what the advice in setName reports, from the renaming thread
        pinner.accept(c.thread, SprintOptThreadHook.RENAMED);
        assertEquals("0-1", c.cpus(), "the CPUs every other thread has");
        assertEquals("SCHED_OTHER", c.policy());
        assertEquals(1L, os.slack.get(c.tid), "the slack every other thread has");
        assertEquals("SCHED_FIFO 10", a.policy(), "alone on CPU 2 again");
        assertEquals(2, pinner.threads().size());

        Relay d = new Relay("relay-d"); // CPU 2 was freed: d shares it with a
        assertEquals("2", d.cpus());
        for (Relay relay : List.of(a, b, c, d)) {
            relay.end();
        }
    }

    @Test
    void aPinnedThreadStartsOthersFromTheSharedCpus() throws Exception {
        String[] seen = new String[2];
        Relay relay = new Relay("relay-1", () -> {
            long tid = os.currentThreadId();
            // what the advice in Thread.start reports, on the starting thread
            pinner.accept(new Thread(() -> { }), SprintOptThreadHook.STARTING);
            seen[0] = CpuList.of(os.cpus.get(tid)).toString();
            pinner.accept(new Thread(() -> { }), SprintOptThreadHook.STARTED);
            seen[1] = CpuList.of(os.cpus.get(tid)).toString();
        });
        assertEquals("0-1", seen[0], "off its dedicated CPU while the new thread is created");
        assertEquals("2", seen[1], "back on it afterwards");
        relay.end();
        assertEquals(0, pinner.threads().size(), "ended threads give their CPU back");
    }

    /** Pinning is applied before the rest of the JVM is narrowed and taken off after it is widened. */
    @Test
    void aThreadStartedByAPinnedOneGetsWhatTheRestOfTheJvmHasNow() throws Exception {
        os.cpus.put(ProcessHandle.current().pid(), CpuList.parse("0-3").bits());
        String[] seen = new String[1];
        Relay relay = new Relay("relay-1", () -> {
            long tid = os.currentThreadId();
            pinner.accept(new Thread(() -> { }), SprintOptThreadHook.STARTING);
            seen[0] = CpuList.of(os.cpus.get(tid)).toString();
            pinner.accept(new Thread(() -> { }), SprintOptThreadHook.STARTED);
        });
        assertEquals("0-3", seen[0], "not yet narrowed, or widened again: the whole mask");
        assertEquals("2", relay.cpus());
        relay.end();
    }

    /** Two nodes: CPUs 0-1 on node 0, 2-3 on node 1; CPU 3 is nohz_full. */
    private static CpuTopology twoNodes() {
        return new CpuTopology(CpuList.parse("0-3"), CpuList.NONE, CpuList.parse("3"), Map.of(),
                Map.of(0, CpuList.parse("0-1"), 1, CpuList.parse("2-3")));
    }

    @Test
    void aNohzFullCpuTakesOneThreadAndTheRestShareTheOthers() throws Exception {
        CorePlan plan = CorePlan.of(twoNodes(), CpuList.parse("0-3"), CpuList.parse("2-3"), true,
                CorePlan.CpuOwners.NOBODY);
        assertEquals(CpuList.parse("3"), plan.exclusive());
        pinner = new ThreadPinner(os, new PinConfig(new NameGlobs(List.of("relay-*")), plan, 10, true));
        Relay a = new Relay("relay-a");
        Relay b = new Relay("relay-b");
        Relay c = new Relay("relay-c");
        assertEquals("3", a.cpus(), "nohz_full first");
        assertEquals("SCHED_FIFO 10", a.policy());
        assertEquals("2", b.cpus());
        assertEquals("2", c.cpus(), "not onto the nohz_full CPU, which has its one thread");
        assertEquals("SCHED_RR 10", c.policy());
        for (Relay relay : List.of(a, b, c)) {
            relay.end();
        }
    }

    @Test
    void withEveryCpuLeftNohzFullAndTakenAThreadStaysWithTheRestWithoutRt() throws Exception {
        CorePlan plan = CorePlan.of(twoNodes(), CpuList.parse("0-3"), CpuList.parse("3"), true,
                CorePlan.CpuOwners.NOBODY);
        pinner = new ThreadPinner(os, new PinConfig(new NameGlobs(List.of("relay-*")), plan, 10, true));
        Relay a = new Relay("relay-a");
        Relay b = new Relay("relay-b");
        assertEquals("3", a.cpus());
        assertEquals("0-3", b.cpus(), "left where it started");
        assertEquals("SCHED_OTHER", b.policy());
        a.end();
        b.end();
    }

    @Test
    void aThreadPinningItselfPrefersItsCpusNode() throws Exception {
        CorePlan plan = CorePlan.of(twoNodes(), CpuList.parse("0-3"), CpuList.parse("1-2"), true,
                CorePlan.CpuOwners.NOBODY);
        pinner = new ThreadPinner(os, new PinConfig(new NameGlobs(List.of("relay-*")), plan, 0, false, null,
                twoNodes()));
        int[] node = new int[2];
        Relay a = new Relay("relay-a", () -> node[0] = os.memoryNode.get());
        Relay b = new Relay("relay-b", () -> node[1] = os.memoryNode.get());
        assertEquals(java.util.Set.of("1", "2"), java.util.Set.of(a.cpus(), b.cpus()));
        assertEquals(a.cpus().equals("1") ? 0 : 1, node[0], "CPU 1 is node 0's, CPU 2 node 1's");
        assertEquals(b.cpus().equals("1") ? 0 : 1, node[1]);
        a.end();
        b.end();
    }
}
