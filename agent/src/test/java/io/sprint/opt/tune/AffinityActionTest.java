package io.sprint.opt.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.ProcessId;
import io.sprint.opt.platform.RefusingPlatform;
import io.sprint.opt.threads.ThreadClaims;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The JVM's CPU masks through the ledger, over an OS of three threads: the JVM's first thread on
 * 0-1, a child a pinned thread started as it was being pinned (so on that one's CPU 1 only),
 * and a thread on 0-1.
 */
class AffinityActionTest {
    private static final long MAIN = ProcessId.current();
    private static final long CHILD = MAIN + 1;
    private static final long OTHER = MAIN + 2;

    private static class Masks extends RefusingPlatform {
        final Map<Long, String> masks = new TreeMap<>(Map.of(MAIN, "0-1", CHILD, "1", OTHER, "0-1"));

        @Override
        public String missing(Capability capability) {
            return capability == Capability.THREAD_AFFINITY ? null : super.missing(capability);
        }

        @Override
        public List<Long> threads() {
            return new ArrayList<>(masks.keySet());
        }

        @Override
        public BitSet affinity(long tid) {
            return CpuList.parse(masks.get(tid)).bits();
        }

        @Override
        public void setAffinity(long tid, BitSet cpus) {
            masks.put(tid, CpuList.of(cpus).toString());
        }
    }

    /** Threads a pinner has claimed, the claims being their own lock as the pinner is in the agent. */
    private static final class Claims implements ThreadClaims {
        final Set<Long> claimed = ConcurrentHashMap.newKeySet();

        @Override
        public boolean claimed(long tid) {
            return claimed.contains(tid);
        }

        @Override
        public Object lock() {
            return this;
        }
    }

    private static Map<Long, String> applyAndRestore(Masks os, CpuList reserved) {
        Ledger ledger = new Ledger();
        Ledger.Transaction transaction = ledger.begin();
        ActionRecord applied = new AffinityAction(os, CpuList.of(0), CpuList.of(0, 1), reserved, new Claims(), "")
                .apply(transaction);
        transaction.commit();
        assertEquals(ActionStatus.APPLIED, applied.status(), applied.toString());
        assertEquals(Map.of(MAIN, "0", CHILD, "0", OTHER, "0"), os.masks, "every thread narrowed to CPU 0");
        ledger.restoreAll();
        return os.masks;
    }

    @Test
    void aThreadOnlyOnThePinnedThreadsCpusGetsTheOthersCpusBack() {
        assertEquals(Map.of(MAIN, "0-1", CHILD, "0-1", OTHER, "0-1"), applyAndRestore(new Masks(), CpuList.of(1)),
                "the child's CPU 1 came from its pinned creator, not from before the level");
    }

    @Test
    void withoutPinnedThreadsEveryMaskIsPutBackAsItWas() {
        assertEquals(Map.of(MAIN, "0-1", CHILD, "1", OTHER, "0-1"), applyAndRestore(new Masks(), CpuList.NONE));
    }

    /**
     * A pinner claims OTHER and moves it to CPU 1 while cpu-affinity is between its check of
     * OTHER and its write: the claim waits for the write, so the pin is not written over.
     */
    @Test
    void aThreadPinnedWhileItIsBeingNarrowedKeepsItsPin() throws Exception {
        Claims claims = new Claims();
        Thread[] pinner = new Thread[1];
        Masks os = new Masks() {
            private int reads;

            @Override
            public BitSet affinity(long tid) {
                if (tid == OTHER && ++reads == 2) {
                    pinner[0] = new Thread(() -> {
                        synchronized (claims.lock()) {
                            claims.claimed.add(OTHER);
                            masks.put(OTHER, "1");
                        }
                    });
                    pinner[0].start();
                    join(pinner[0]);
                }
                return super.affinity(tid);
            }
        };
        Ledger.Transaction transaction = new Ledger().begin();
        ActionRecord applied = new AffinityAction(os, CpuList.of(0), CpuList.of(0, 1), CpuList.of(1), claims, "")
                .apply(transaction);
        transaction.commit();
        pinner[0].join();
        assertEquals(ActionStatus.APPLIED, applied.status(), applied.toString());
        assertEquals(Map.of(MAIN, "0", CHILD, "0", OTHER, "1"), os.masks);
    }

    /** Long enough for an unguarded claim to finish; a guarded one waits for the lock instead. */
    private static void join(Thread thread) {
        try {
            thread.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
