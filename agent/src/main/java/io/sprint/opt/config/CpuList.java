package io.sprint.opt.config;

import java.util.BitSet;

/**
 * A set of CPU numbers in Linux cpulist notation ({@code 0-3,8,10-11}). Backed by a BitSet, so
 * hosts with more than 64 CPUs are no special case.
 */
public final class CpuList {
    /** Linux's cpu_set_t holds 1024 CPUs; anything above is certainly a typo. */
    public static final int MAX_CPUS = 1024;

    private final BitSet cpus;

    private CpuList(BitSet cpus) {
        this.cpus = cpus;
    }

    public static final CpuList NONE = new CpuList(new BitSet());

    public static CpuList of(int... cpus) {
        BitSet set = new BitSet();
        for (int cpu : cpus) {
            set.set(cpu);
        }
        return new CpuList(set);
    }

    /** A cpulist as a kernel file holds it; an empty file is no CPUs. */
    public static CpuList parseOrNone(String text) {
        return text == null || text.isBlank() ? NONE : parse(text);
    }

    public static CpuList of(BitSet cpus) {
        return new CpuList((BitSet) cpus.clone());
    }

    public static CpuList range(int fromInclusive, int toExclusive) {
        BitSet set = new BitSet();
        set.set(fromInclusive, toExclusive);
        return new CpuList(set);
    }

    /** @throws IllegalArgumentException when {@code text} is not a cpulist */
    public static CpuList parse(String text) {
        BitSet set = new BitSet();
        for (String part : text.trim().split(",")) {
            String[] bounds = part.trim().split("-", -1);
            if (bounds.length > 2) {
                throw new IllegalArgumentException(part);
            }
            int from = cpu(bounds[0]);
            int to = bounds.length == 2 ? cpu(bounds[1]) : from;
            if (to < from) {
                throw new IllegalArgumentException(part);
            }
            set.set(from, to + 1);
        }
        return new CpuList(set);
    }

    private static int cpu(String text) {
        int cpu = Integer.parseInt(text.trim());
        if (cpu < 0 || cpu >= MAX_CPUS) {
            throw new IllegalArgumentException(text);
        }
        return cpu;
    }

    public BitSet bits() {
        return (BitSet) cpus.clone();
    }

    public int count() {
        return cpus.cardinality();
    }

    public boolean isEmpty() {
        return cpus.isEmpty();
    }

    public CpuList intersect(CpuList other) {
        BitSet set = bits();
        set.and(other.cpus);
        return new CpuList(set);
    }

    public CpuList union(CpuList other) {
        BitSet set = bits();
        set.or(other.cpus);
        return new CpuList(set);
    }

    public CpuList minus(CpuList other) {
        BitSet set = bits();
        set.andNot(other.cpus);
        return new CpuList(set);
    }

    public boolean contains(int cpu) {
        return cpus.get(cpu);
    }

    /** The CPUs in ascending order. */
    public int[] toArray() {
        return cpus.stream().toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuList && ((CpuList) o).cpus.equals(cpus);
    }

    @Override
    public int hashCode() {
        return cpus.hashCode();
    }

    /** Canonical cpulist: ascending, ranges collapsed. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int from = cpus.nextSetBit(0); from >= 0; ) {
            int to = cpus.nextClearBit(from) - 1;
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(from);
            if (to > from) {
                text.append('-').append(to);
            }
            from = cpus.nextSetBit(to + 1);
        }
        return text.toString();
    }
}
