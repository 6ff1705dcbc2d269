package io.sprint.opt.tune;

import java.util.Map;
import java.util.Set;

/**
 * One value per thread of the JVM, the value for threads not in the map (threads started later:
 * after restore they get what the main thread had), and the threads that were tuned one by one
 * when the values were read (pinned threads): a restore leaves those to whoever tuned them.
 */
record PerThread<V>(Map<Long, V> byTid, V others, Set<Long> leftAlone) {

    static <V> PerThread<V> every(V value) {
        return new PerThread<>(Map.of(), value, Set.of());
    }

    V valueFor(long tid) {
        return byTid.getOrDefault(tid, others);
    }

    boolean leavesAlone(long tid) {
        return leftAlone.contains(tid);
    }
}
