package io.sprint.opt.os;

import io.sprint.opt.action.Setting;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A per-thread value (CPU mask, timer slack) over every thread of this JVM, its own GC, JIT and
 * VM threads included. Threads come and go while it works; one that ends is passed over, and
 * writing repeats (a few passes) until no thread is left with another value, since a thread
 * started meanwhile inherits its creator's old value.
 */
final class PerThreadSetting<V> implements Setting<PerThread<V>> {
    private static final int PASSES = 4;
    private static final long PID = ProcessHandle.current().pid();

    /** How one thread's value is read and written. */
    interface Access<V> {
        V get(long tid) throws OsException;

        void set(long tid, V value) throws OsException;
    }

    private final String key;
    private final Platform platform;
    private final Access<V> access;
    private final Function<V, String> display;

    PerThreadSetting(String key, Platform platform, Access<V> access, Function<V, String> display) {
        this.key = key;
        this.platform = platform;
        this.access = access;
        this.display = display;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public PerThread<V> read() throws OsException {
        Map<Long, V> values = new LinkedHashMap<>();
        for (long tid : platform.threads()) {
            try {
                values.put(tid, access.get(tid));
            } catch (OsException e) {
                if (!e.noSuchThread()) {
                    throw e;
                }
            }
        }
        return new PerThread<>(values, values.get(PID));
    }

    @Override
    public void write(PerThread<V> target) throws OsException {
        for (int pass = 0; pass < PASSES; pass++) {
            boolean changed = false;
            for (long tid : platform.threads()) {
                V wanted = target.valueFor(tid);
                try {
                    if (!access.get(tid).equals(wanted)) {
                        access.set(tid, wanted);
                        changed = true;
                    }
                } catch (OsException e) {
                    if (!e.noSuchThread()) {
                        throw e;
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    @Override
    public boolean same(PerThread<V> read, PerThread<V> written) {
        for (Map.Entry<Long, V> thread : read.byTid().entrySet()) {
            if (!thread.getValue().equals(written.valueFor(thread.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** "every thread 1" for a target; "23 threads 0-1, 2 threads 1" for what was read. */
    @Override
    public String format(PerThread<V> value) {
        if (value.byTid().isEmpty()) {
            return "every thread " + display.apply(value.others());
        }
        Map<String, Integer> counts = new TreeMap<>();
        value.byTid().values().forEach(v -> counts.merge(display.apply(v), 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((shown, count) -> text.append(text.length() == 0 ? "" : ", ").append(count)
                .append(count == 1 ? " thread " : " threads ").append(shown));
        return text.toString();
    }
}
