package io.sprint.opt.action;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * An in-memory setting for exercising the ledger: it refuses values its rule rejects, can be
 * made to drop writes, and logs every write so tests can check order.
 */
final class MemorySetting implements Setting<Integer> {
    private final String key;
    private final List<String> writes;
    private final IntPredicate accepts;
    int value;
    boolean dropWrites;
    boolean irreversible;
    /** What restore leaves, for a setting known never to go back (cannotRestore); null otherwise. */
    String neverBack;
    int reads;

    MemorySetting(String key, int value, List<String> writes) {
        this(key, value, writes, v -> true);
    }

    MemorySetting(String key, int value, List<String> writes, IntPredicate accepts) {
        this.key = key;
        this.value = value;
        this.writes = writes;
        this.accepts = accepts;
    }

    static List<String> log() {
        return new ArrayList<>();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Integer read() {
        reads++;
        return value;
    }

    @Override
    public String cannotRestore(Integer original) {
        return neverBack;
    }

    @Override
    public void write(Integer target) throws Exception {
        if (irreversible) {
            throw new Irreversible(key + " stays " + value);
        }
        if (!accepts.test(target)) {
            throw new IllegalArgumentException(key + " refuses " + target);
        }
        writes.add(key + "=" + target);
        if (!dropWrites) {
            value = target;
        }
    }
}
