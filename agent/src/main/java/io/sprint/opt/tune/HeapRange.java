package io.sprint.opt.tune;

import io.sprint.opt.jdk.DiagnosticCommands;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java heap's reserved address range, from HotSpot's own GC.heap_info (a diagnostic
 * command): G1 prints {@code [0x…c0000000, 0x…100000000)}, Parallel and Serial one bracket per
 * generation. ZGC and Shenandoah print no range. The range is reserved at JVM start and never
 * moves, so it is asked once.
 */
final class HeapRange {
    private static final Pattern BRACKET = Pattern.compile("\\[(0x[0-9a-f]+)(?:, 0x[0-9a-f]+)*, (0x[0-9a-f]+)\\)");

    private HeapRange() {
    }

    /** [start, end), or empty when this collector's heap is not one range. */
    static Optional<long[]> find() {
        Optional<long[]> range = Reserved.RANGE;
        return range.isPresent() ? Optional.of(range.get().clone()) : range;
    }

    /** Asked when first needed (class initialisation is the lock), possibly ahead on another thread. */
    private static final class Reserved {
        static final Optional<long[]> RANGE = ask();

        private static Optional<long[]> ask() {
            try {
                return parse(DiagnosticCommands.run("GC.heap_info"));
            } catch (Exception e) {
                return Optional.empty();
            }
        }
    }

    static Optional<long[]> parse(String heapInfo) {
        long start = Long.MAX_VALUE;
        long end = 0;
        Matcher matcher = BRACKET.matcher(heapInfo);
        while (matcher.find()) {
            start = Math.min(start, Long.parseUnsignedLong(matcher.group(1).substring(2), 16));
            end = Math.max(end, Long.parseUnsignedLong(matcher.group(2).substring(2), 16));
        }
        return end > start ? Optional.of(new long[] {start, end}) : Optional.empty();
    }
}
