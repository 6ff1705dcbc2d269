package io.sprint.opt.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.ProcessId;
import io.sprint.opt.platform.RefusingPlatform;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private static final class Masks extends RefusingPlatform {
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

    private static Map<Long, String> applyAndRestore(Masks os, CpuList reserved) {
        Ledger ledger = new Ledger();
        Ledger.Transaction transaction = ledger.begin();
        ActionRecord applied = new AffinityAction(os, CpuList.of(0), CpuList.of(0, 1), reserved, tid -> false, "")
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
}
