package io.sprint.opt.stats;

import io.sprint.opt.log.Log;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * HotSpot's own performance counters (what {@code jcmd PID PerfCounter.print} lists), read live
 * from this JVM's perf memory through java.management's internal parser. They time each GC
 * pause in nanoseconds, where the GC notifications round to whole milliseconds. Internal API:
 * reached by exporting its packages to the agent alone, and absent (every lookup null) when
 * {@code -XX:-UsePerfData} is given or a JDK no longer has it.
 */
final class HotSpotCounters {
    static final HotSpotCounters NONE = new HotSpotCounters(Map.of());

    private static final List<String> PACKAGES = List.of("sun.management", "sun.management.counter");

    private final Map<String, Object> counters;
    private final Method longValue;

    private HotSpotCounters(Map<String, Object> counters) {
        this.counters = counters;
        this.longValue = counters.isEmpty() ? null : longValueMethod();
    }

    /**
     * The counters whose names match {@code pattern} (a regular expression matched at the start).
     * Without {@code inst} they are found only where the JVM was started with the packages
     * exported ({@code --add-exports}, as the unit tests are).
     */
    static HotSpotCounters read(Instrumentation inst, String pattern) {
        try {
            if (inst != null) {
                Module management = ManagementFactory.class.getModule();
                Module agent = HotSpotCounters.class.getModule();
                Map<String, Set<Module>> exports = new LinkedHashMap<>();
                PACKAGES.forEach(p -> exports.put(p, Set.of(agent)));
                inst.redefineModule(management, Set.of(), exports, Map.of(), Set.of(), Map.of());
            }
            Object vm = Class.forName("sun.management.ManagementFactoryHelper").getMethod("getVMManagement")
                    .invoke(null);
            List<?> found = (List<?>) Class.forName("sun.management.VMManagement")
                    .getMethod("getInternalCounters", String.class).invoke(vm, pattern);
            Method name = Class.forName("sun.management.counter.Counter").getMethod("getName");
            Map<String, Object> byName = new LinkedHashMap<>();
            for (Object counter : found) {
                byName.put((String) name.invoke(counter), counter);
            }
            return new HotSpotCounters(byName);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Log.debug("HotSpot perf counters unavailable, GC pauses in whole ms: %s", e);
            return NONE;
        }
    }

    /** A string counter's value, or null. */
    String text(String name) {
        Object counter = counters.get(name);
        if (counter == null) {
            return null;
        }
        try {
            Object value = Class.forName("sun.management.counter.Counter").getMethod("getValue").invoke(counter);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A live reading of a long counter (-1 when the read fails), or null when there is none. */
    LongSupplier number(String name) {
        Object counter = counters.get(name);
        if (counter == null || longValue == null || !longValue.getDeclaringClass().isInstance(counter)) {
            return null;
        }
        return () -> {
            try {
                return (Long) longValue.invoke(counter);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return -1;
            }
        };
    }

    private static Method longValueMethod() {
        try {
            return Class.forName("sun.management.counter.LongCounter").getMethod("longValue");
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
