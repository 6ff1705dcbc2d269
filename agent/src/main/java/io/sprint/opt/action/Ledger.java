package io.sprint.opt.action;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting the agent changed, with its value from before the first change. However many
 * levels are applied on top of each other, restore returns to that first state, walking the
 * settings in reverse order of their first change (tuned's rule), except that settings which walk
 * every thread of the process go last ({@link Setting#restoredLast}).
 *
 * <p>Not thread-safe: the optimizer serialises apply and restore.
 */
public final class Ledger {
    private final Map<String, Recorded<?>> originals = new LinkedHashMap<>();
    /** Each setting as read back right after it was applied: what verify compares with. */
    private final Map<String, Recorded<?>> applied = new LinkedHashMap<>();

    private record Recorded<T>(String action, Setting<T> setting, T value) {
    }

    public Transaction begin() {
        return new Transaction();
    }

    /** Whether restore still has to put {@code key} back. */
    public boolean holds(String key) {
        return originals.containsKey(key);
    }

    public boolean isEmpty() {
        return originals.isEmpty();
    }

    /** Puts every setting back to its original, newest first. Failed ones stay for a retry. */
    public List<ActionRecord> restoreAll() {
        List<String> keys = restoreOrder(originals, originals.keySet());
        List<ActionRecord> records = new ArrayList<>();
        for (String key : keys) {
            ActionRecord record = writeBack(originals.get(key));
            if (record.status() != ActionStatus.FAILED) {
                originals.remove(key);
                applied.remove(key);
            }
            records.add(record);
        }
        return records;
    }

    /** How many settings are applied now (what verify checks). */
    public int appliedCount() {
        return applied.size();
    }

    /** Every applied setting that no longer reads what was applied; a setting that cannot be read is drift too. */
    public List<Drift> drift() {
        List<Drift> drift = new ArrayList<>();
        for (Recorded<?> setting : applied.values()) {
            drift.addAll(driftOf(setting));
        }
        return drift;
    }

    private static <T> List<Drift> driftOf(Recorded<T> recorded) {
        Setting<T> setting = recorded.setting();
        try {
            return setting.drift(recorded.value());
        } catch (Exception e) {
            return List.of(Drift.of(setting.key(), setting.format(recorded.value()), "unreadable: " + describe(e)));
        }
    }

    /**
     * Writes the applied value again to each setting named in {@code drifted}.
     *
     * @return one line per setting: what was put back, or why it could not be
     */
    public List<String> reapply(Collection<String> drifted) {
        List<String> lines = new ArrayList<>();
        for (String key : new LinkedHashSet<>(drifted)) {
            Recorded<?> setting = applied.get(key);
            if (setting != null) {
                lines.add(reapplied(setting));
            }
        }
        return lines;
    }

    private static <T> String reapplied(Recorded<T> recorded) {
        Setting<T> setting = recorded.setting();
        try {
            setting.reapply(recorded.value());
            return setting.key() + " → " + setting.format(recorded.value());
        } catch (Exception e) {
            return setting.key() + ": not put back: " + describe(e);
        }
    }

    /**
     * One attempt at a level. {@link #rollback()} undoes exactly this attempt (the fallback
     * chain's "each failed attempt rolled back completely"); {@link #commit()} keeps it and
     * restores what earlier levels changed that this one does not.
     */
    public final class Transaction {
        private final Map<String, Recorded<?>> before = new LinkedHashMap<>();
        private final Map<String, Recorded<?>> appliedHere = new LinkedHashMap<>();
        private final Set<String> recordedHere = new HashSet<>();

        /**
         * Sets {@code setting} to {@code target} and reads it back.
         *
         * @return the change as users read it: {@code SoftMaxHeapSize 4096M → 3686M}
         * @throws Exception when the write fails or the value read back differs
         */
        public <T> String set(String action, Setting<T> setting, T target) throws Exception {
            T current = setting.read();
            String key = setting.key();
            if (!originals.containsKey(key)) {
                originals.put(key, new Recorded<>(action, setting, current));
                recordedHere.add(key);
            }
            before.putIfAbsent(key, new Recorded<>(action, setting, current));
            if (!setting.same(current, target)) {
                setting.write(target);
            }
            T after = setting.read();
            if (!setting.same(after, target)) {
                throw new IllegalStateException("read back " + setting.format(after) + " after writing "
                        + setting.format(target));
            }
            appliedHere.put(key, new Recorded<>(action, setting, after));
            String change = key + " " + setting.format(current) + " → " + setting.format(after);
            return setting.same(current, target) ? change + " (already)" : change;
        }

        /**
         * Records the original of a change the action had to make itself, for restore to
         * write back. A no-op when the setting is already recorded.
         */
        public <T> void record(String action, Setting<T> setting, T original) {
            if (!originals.containsKey(setting.key())) {
                originals.put(setting.key(), new Recorded<>(action, setting, original));
                recordedHere.add(setting.key());
            }
            before.putIfAbsent(setting.key(), new Recorded<>(action, setting, original));
        }

        public List<ActionRecord> rollback() {
            List<ActionRecord> records = new ArrayList<>();
            for (String key : restoreOrder(before, before.keySet())) {
                records.add(writeBack(before.get(key)));
            }
            recordedHere.forEach(originals::remove);
            return records;
        }

        public List<ActionRecord> commit() {
            List<String> stale = new ArrayList<>(originals.keySet());
            stale.removeAll(before.keySet());
            applied.putAll(appliedHere);
            List<ActionRecord> records = new ArrayList<>();
            for (String key : restoreOrder(originals, stale)) {
                ActionRecord record = writeBack(originals.get(key));
                applied.remove(key);
                if (record.status() != ActionStatus.FAILED) {
                    originals.remove(key);
                }
                records.add(record);
            }
            return records;
        }
    }

    /** Newest first, the thread walks after all the rest. */
    private static List<String> restoreOrder(Map<String, Recorded<?>> recorded, Collection<String> keys) {
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String key : keys) {
            (recorded.get(key).setting().restoredLast() ? last : first).add(key);
        }
        Collections.reverse(first);
        Collections.reverse(last);
        first.addAll(last);
        return first;
    }

    private static <T> ActionRecord writeBack(Recorded<T> recorded) {
        Setting<T> setting = recorded.setting();
        String target = setting.format(recorded.value());
        String left = setting.cannotRestore(recorded.value());
        if (left != null) {
            return ActionRecord.skipped(recorded.action(), target, "left as is: " + left);
        }
        try {
            T current = setting.read();
            if (!setting.same(current, recorded.value())) {
                setting.writeBack(recorded.value());
            }
            T after = setting.read();
            String change = setting.key() + " " + setting.format(current) + " → " + setting.format(after);
            if (!setting.same(after, recorded.value())) {
                return ActionRecord.failed(recorded.action(), target, change + ", expected " + target);
            }
            return ActionRecord.restored(recorded.action(), target, change);
        } catch (Irreversible e) {
            return ActionRecord.skipped(recorded.action(), target, "left as is: " + e.getMessage());
        } catch (Exception e) {
            return ActionRecord.failed(recorded.action(), target, "restoring " + setting.key() + ": " + describe(e));
        }
    }

    /** An exception as one line: its message, or its type when it has none. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
