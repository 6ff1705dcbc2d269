package io.sprint.opt.os;

import java.util.Map;

/**
 * One value per thread of the JVM, and the value for threads not in the map (threads started
 * later: after restore they get what the main thread had).
 */
record PerThread<V>(Map<Long, V> byTid, V others) {

    static <V> PerThread<V> every(V value) {
        return new PerThread<>(Map.of(), value);
    }

    V valueFor(long tid) {
        return byTid.getOrDefault(tid, others);
    }
}
