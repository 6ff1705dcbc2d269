package io.sprint.opt.config;

import java.util.BitSet;
import java.util.Collection;

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

    /** The CPUs numbered in {@code cpus}, e.g. a map's keys. */
    public static CpuList of(Collection<Integer> cpus) {
        BitSet set = new BitSet();
        for (int cpu : cpus) {
            set.set(cpu);
        }
        return new CpuList(set);
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

    /**
     * A CPU mask as the kernel prints one ({@code /proc/irq/default_smp_affinity}): hex, in
     * comma-separated 32-bit groups, highest first ({@code ff,ffffffff}).
     *
     * @throws IllegalArgumentException when {@code text} is not such a mask
     */
    public static CpuList parseMask(String text) {
        BitSet set = new BitSet();
        String[] groups = text.trim().split(",");
        for (int i = 0; i < groups.length; i++) {
            long group = Long.parseLong(groups[i].trim(), 16);
            if (group >>> 32 != 0) {
                throw new IllegalArgumentException(groups[i]);
            }
            int base = 32 * (groups.length - 1 - i);
            for (int bit = 0; bit < 32; bit++) {
                if ((group >>> bit & 1) != 0) {
                    if (base + bit >= MAX_CPUS) {
                        throw new IllegalArgumentException(text);
                    }
                    set.set(base + bit);
                }
            }
        }
        return new CpuList(set);
    }

    /** The mask form of {@link #parseMask}: {@code 3} for CPUs 0-1, {@code 1,00000000} for CPU 32. */
    public String toMask() {
        int groups = Math.max(1, (cpus.length() + 31) / 32);
        StringBuilder text = new StringBuilder();
        for (int i = groups - 1; i >= 0; i--) {
            long group = 0;
            for (int bit = 0; bit < 32; bit++) {
                group |= cpus.get(32 * i + bit) ? 1L << bit : 0;
            }
            text.append(text.length() == 0 ? Long.toHexString(group) : String.format("%08x", group));
            if (i > 0) {
                text.append(',');
            }
        }
        return text.toString();
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
