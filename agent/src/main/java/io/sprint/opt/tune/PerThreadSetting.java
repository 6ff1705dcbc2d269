package io.sprint.opt.tune;

import io.sprint.opt.action.Drift;
import io.sprint.opt.action.Setting;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.ProcessId;
import io.sprint.opt.threads.ThreadClaims;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A per-thread value (CPU mask, timer slack) over every thread of this JVM, its own GC, JIT and
 * VM threads included. Threads come and go while it works; one that ends is passed over, and
 * writing repeats (a few passes) until no thread is left with another value, since a thread
 * started meanwhile inherits its creator's old value. Threads tuned one by one (pinned threads)
 * are left out, and left to their tuner on restore, which comes after theirs
 * ({@link #restoredLast}): threads pinned since are then back among the others and get the
 * others' original value. Each thread is checked and read or written under the claims' lock, so
 * a thread pinned meanwhile is either pinned after this setting wrote it or left alone by it.
 *
 * <p>Each value is a subclass (its one thread's read, write and text), not three lambdas: it is
 * built while a level goes in force, when a cold JVM pays each lambda's first use.
 */
abstract class PerThreadSetting<V> implements Setting<PerThread<V>> {
    private static final int PASSES = 8;

    private final String key;
    protected final Platform platform;
    private final ThreadClaims tunedElsewhere;

    /** @param tunedElsewhere threads this setting leaves alone (pinned threads have their own values) */
    PerThreadSetting(String key, Platform platform, ThreadClaims tunedElsewhere) {
        this.key = key;
        this.platform = platform;
        this.tunedElsewhere = tunedElsewhere;
    }

    /** Reads one thread's value. */
    protected abstract V get(long tid) throws OsException;

    /** Writes one thread's value. */
    protected abstract void set(long tid, V value) throws OsException;

    /** A value as the action's detail shows it. */
    protected abstract String display(V value);

    @Override
    public String key() {
        return key;
    }

    @Override
    public PerThread<V> read() throws OsException {
        Map<Long, V> values = new LinkedHashMap<>();
        Set<Long> leftAlone = new HashSet<>();
        for (long tid : platform.threads()) {
            synchronized (tunedElsewhere.lock()) {
                if (tunedElsewhere.claimed(tid)) {
                    leftAlone.add(tid);
                    continue;
                }
                V value = valueOf(tid);
                if (value != null && !inherited(value)) {
                    values.put(tid, value);
                }
            }
        }
        return new PerThread<>(values, values.get(ProcessId.current()), leftAlone);
    }

    /**
     * A value a thread can only have from a creator tuned elsewhere (a pinned thread): not what it
     * had before the level, so it is not recorded, and restore gives the thread the others' value
     * as it does a thread born since.
     */
    protected boolean inherited(V value) {
        return false;
    }

    /**
     * The first pass sets every thread; each further pass only threads it has not seen, which may
     * have inherited the old value from a creator not yet changed. A thread walk of a JVM with
     * thousands of short-lived threads so costs one read (and, where needed, one write) per
     * thread, plus the threads born meanwhile, instead of rereading every thread each pass.
     */
    @Override
    public void write(PerThread<V> target) throws OsException {
        Set<Long> seen = new HashSet<>();
        for (int pass = 0; pass < PASSES; pass++) {
            boolean changed = false;
            for (long tid : platform.threads()) {
                if (!seen.add(tid) || target.leavesAlone(tid)) {
                    continue;
                }
                V wanted = target.valueFor(tid);
                synchronized (tunedElsewhere.lock()) {
                    V now = unclaimedValueOf(tid);
                    if (now != null && !now.equals(wanted)) {
                        setIfAlive(tid, wanted);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    @Override
    public boolean restoredLast() {
        return true;
    }

    @Override
    public boolean same(PerThread<V> read, PerThread<V> written) {
        for (Map.Entry<Long, V> thread : read.byTid().entrySet()) {
            if (!written.leavesAlone(thread.getKey()) && !thread.getValue().equals(written.valueFor(thread.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per thread: each thread that ran when the level was applied (those in {@code applied}),
     * still runs and is not tuned one by one now, whose value differs. Threads started since get
     * what their creator had, which is what the level gives new threads: not drift.
     */
    @Override
    public List<Drift> drift(PerThread<V> applied) throws OsException {
        List<Drift> drift = new ArrayList<>();
        for (long tid : platform.threads()) {
            V wanted = applied.byTid().get(tid);
            if (wanted == null) {
                continue;
            }
            synchronized (tunedElsewhere.lock()) {
                V now = unclaimedValueOf(tid);
                if (now != null && !now.equals(wanted)) {
                    drift.add(new Drift(key, display(wanted), display(now), platform.threadName(tid), tid));
                }
            }
        }
        return drift;
    }

    /** Only the drifted threads get their applied value again, unless pinned since. */
    @Override
    public void reapply(PerThread<V> applied) throws OsException {
        for (Drift drift : drift(applied)) {
            synchronized (tunedElsewhere.lock()) {
                if (!tunedElsewhere.claimed(drift.tid())) {
                    setIfAlive(drift.tid(), applied.byTid().get(drift.tid()));
                }
            }
        }
    }

    /** The thread's value, or null when it has ended or is tuned elsewhere; called holding the claims' lock. */
    private V unclaimedValueOf(long tid) throws OsException {
        return tunedElsewhere.claimed(tid) ? null : valueOf(tid);
    }

    /** The thread's value, or null when it has ended. */
    private V valueOf(long tid) throws OsException {
        try {
            return get(tid);
        } catch (OsException e) {
            if (e.noSuchThread()) {
                return null;
            }
            throw e;
        }
    }

    private void setIfAlive(long tid, V value) throws OsException {
        try {
            set(tid, value);
        } catch (OsException e) {
            if (!e.noSuchThread()) {
                throw e;
            }
        }
    }

    /** "every thread 1" for a target; "23 threads 0-1, 2 threads 1" for what was read. */
    @Override
    public String format(PerThread<V> value) {
        if (value.byTid().isEmpty()) {
            return "every thread " + display(value.others());
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (V read : value.byTid().values()) {
            String shown = display(read);
            Integer count = counts.get(shown);
            counts.put(shown, count == null ? 1 : count + 1);
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            text.append(text.length() == 0 ? "" : ", ").append(count.getValue())
                    .append(count.getValue() == 1 ? " thread " : " threads ").append(count.getKey());
        }
        return text.toString();
    }
}
