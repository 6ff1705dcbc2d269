package io.sprint.opt.config;

import io.sprint.opt.log.Log;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every agent option, declared once: its key, what it accepts, its default and what it does.
 * The parser, its error messages, {@code --help} and README's options table (held to this by a
 * test) all read it. A default of null means "the level's": the level table decides.
 */
public enum OptionKey {
    LEVEL("level", Kind.LEVELS, LevelSpec.of(Level.BASIC), "basic",
            "the latency profile; auto reads SPRINT_OPT_ENV, a chain falls back left to right"),
    PIN("pin", Kind.GLOBS, List.of(), "none",
            "the threads that get dedicated CPUs and real-time priority, by name (* and ? match)"),
    CPUS("cpus", Kind.CPU_LIST, null, "the level's affinity",
            "with pin=, the CPUs dedicated to pinned threads; without, the CPUs for every thread"),
    SMT("smt", Kind.oneOf("core", "thread"), "core", "core",
            "core: a dedicated CPU's SMT siblings are held idle with it; thread: single hardware threads"),
    LOCKS("locks", Kind.DIRECTORY, "/run/sprint-opt", "/run/sprint-opt",
            "where JVMs on this host lock their dedicated CPUs, so that no two get the same one"),
    GC("gc", Kind.integer("a GC target percent", 1, 1000), null, "the level's",
            "heap headroom after a collection, as Go's GOGC (the heap free-ratio band)"),
    MEM("mem", Kind.integer("a percent of the maximum heap", 1, 100), null, "the level's",
            "the soft heap limit (SoftMaxHeapSize: ZGC and Shenandoah honour it)"),
    THREADS("threads", Kind.integer("a thread count", 1, 32767), null, "the level's",
            "max threads: the common pool's parallelism, set before its first use"),
    STACK("stack", Kind.BYTES, null, "the level's", "thread stack size: a launch flag (flags LEVEL prints it)"),
    MLOCK("mlock", Kind.BOOLEAN, null, "the level's", "lock the JVM's memory (mlockall)"),
    RT("rt", Kind.BOOLEAN, null, "the level's", "a real-time policy for the pin= threads"),
    PINNING("pinning", Kind.BOOLEAN, null, "the level's", "dedicated CPUs for the pin= threads"),
    HUGEPAGES("hugepages", Kind.BOOLEAN, null, "the level's", "MADV_HUGEPAGE on the heap"),
    NUMA("numa", Kind.BOOLEAN, null, "the level's", "pinned threads take their CPUs node by node"),
    LATENCY("latency", Kind.BOOLEAN, null, "the level's", "1 ns timer slack for every thread (Windows: a 1 ms timer period)"),
    IDLE("idle", Kind.BOOLEAN, null, "the level's",
            "no deep CPU idle states on the host while the level is in force (/dev/cpu_dma_latency)"),
    IDLE_LATENCY("idle.latency", Kind.integer("a wake-up latency in µs", 0, 2_000_000_000), 0, "0",
            "the idle-state limit: the longest wake-up the host's CPUs may take, µs"),
    SHIELD("shield", Kind.BOOLEAN, null, "the level's",
            "interrupts moved off the dedicated CPUs, and no idle states on them"),
    ON_EXIT("on-exit", Kind.oneOf("restore", "keep"), "restore", "restore",
            "restore: the JVM's exit puts host-wide settings back; keep: they stay (restore --stale)"),
    RT_PRIORITY("rt.priority", Kind.integer("an integer", 1, 99), 10, "10", "the real-time priority"),
    METRICS("metrics", Kind.HOST_PORT, null, "off",
            "Prometheus endpoint GET /metrics; host 127.0.0.1 unless given"),
    HICCUP("hiccup", Kind.BOOLEAN, false, "false", "the hiccup meter: a jHiccup-style stall sampler"),
    HICCUP_LOG("hiccup.log", Kind.OUTPUT_FILE, null, "off",
            "jHiccup-compatible interval histograms (HdrHistogram log, 5 s) written to this file; turns the meter on"),
    GC_JFR("gc.jfr", Kind.BOOLEAN, false, "false",
            "generational ZGC: each pause timed by JFR on a stream of its own (a running recording does it anyway)"),
    ADAPTIVE("adaptive", Kind.BOOLEAN, false, "false", "adaptive level tuning"),
    ADAPTIVE_TARGET("adaptive.target", Kind.decimal("a latency in ms", 0, 60_000, "10 or 0.5"), 10.0, "10",
            "the p99 latency adaptive tuning aims under"),
    ADAPTIVE_CPU("adaptive.cpu", Kind.integer("a CPU use percent", 1, 100), 50, "50",
            "CPU use under which a calm JVM may step down"),
    ADAPTIVE_MIN("adaptive.min", Kind.ONE_LEVEL, Level.BASIC, "basic", "the lowest level adaptive tuning chooses"),
    ADAPTIVE_MAX("adaptive.max", Kind.ONE_LEVEL, Level.TURBO, "turbo", "the highest level adaptive tuning chooses"),
    ADAPTIVE_INTERVAL("adaptive.interval", Kind.integer("seconds", 1, 3600), 10, "10",
            "seconds per adaptive decision window"),
    HEALTH_GC("health.gc", Kind.decimal("a GC CPU fraction", 0, 1, "0.2"), 0.2, "0.2",
            "unhealthy above this gc_cpu_fraction"),
    HEALTH_THREADS("health.threads", Kind.integer("a thread count", 1, 10_000_000), 10_000, "10000",
            "unhealthy above this many live threads"),
    HEALTH_HICCUP("health.hiccup", Kind.decimal("a hiccup p99 in ms", 0, 3_600_000, "100"), 100.0, "100",
            "with hiccup=true, unhealthy above this hiccup p99"),
    DRIFT("drift", Kind.oneOf("off", "report", "reapply"), "off", "off",
            "every drift.interval, read back what the level applied: report logs each drift once, reapply puts it back"),
    DRIFT_INTERVAL("drift.interval", Kind.integer("seconds", 1, 3600), 10, "10", "seconds between drift checks"),
    STRICT("strict", Kind.BOOLEAN, false, "false",
            "a bad option or a failed action stops start-up (exit 1) or fails attach"),
    LOG("log", Kind.VERBOSITY, Log.Verbosity.INFO, "info", "what the agent writes on stderr"),
    CONFIG("config", Kind.PATH, null, "none", "a file of these keys, one key=value a line; the command line wins");

    private final String key;
    private final Kind kind;
    private final Object defaultValue;
    private final String defaultText;
    private final String doc;

    OptionKey(String key, Kind kind, Object defaultValue, String defaultText, String doc) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.doc = doc;
    }

    public String key() {
        return key;
    }

    /** What a value must be, for messages: "a GC target percent from 1 to 1000". */
    public String accepted() {
        return kind.accepted();
    }

    /** The value when the option is not given; null for "the level's". */
    Object defaultValue() {
        return defaultValue;
    }

    /** The default as users read it: "basic", "10", "the level's". */
    public String defaultText() {
        return defaultText;
    }

    public String doc() {
        return doc;
    }

    /** @throws OptionException naming this key, the value and what is accepted */
    public Object read(String value) {
        Object result;
        try {
            result = kind.parse(value.trim());
        } catch (RuntimeException e) {
            result = null;
        }
        if (result == null) {
            throw OptionException.badValue(this, value);
        }
        return result;
    }

    public static OptionKey byKey(String key) {
        for (OptionKey option : values()) {
            if (option.key.equals(key)) {
                return option;
            }
        }
        return null;
    }

    public static String allKeys() {
        return Arrays.stream(values()).map(OptionKey::key).collect(Collectors.joining(", "));
    }

    /**
     * What a value may be, and its range. Parsed by a switch on its type, not by a lambda per key:
     * each lambda is a class spun at start-up, where every millisecond is the application's.
     */
    static final class Kind {
        static final Kind BOOLEAN = new Kind(Type.BOOLEAN, "true or false", 0, 0);
        static final Kind LEVELS = new Kind(Type.LEVELS,
                "basic, standard, aggressive, enterprise, turbo, auto, or a chain such as turbo>enterprise>basic", 0, 0);
        static final Kind ONE_LEVEL = new Kind(Type.ONE_LEVEL,
                "one level: basic, standard, aggressive, enterprise or turbo", 0, 0);
        static final Kind GLOBS = new Kind(Type.GLOBS, "thread-name globs separated by ';', such as relay-*;mempool-*",
                0, 0);
        static final Kind CPU_LIST = new Kind(Type.CPU_LIST, "a Linux cpulist such as 2-5,8", 0, 0);
        static final Kind BYTES = new Kind(Type.BYTES, "a size in bytes such as 8192, 256k or 1m", 0, 0);
        static final Kind HOST_PORT = new Kind(Type.HOST_PORT, "PORT or HOST:PORT with a port from 1 to 65535", 0, 0);
        static final Kind VERBOSITY = new Kind(Type.VERBOSITY, "quiet, info or debug", 0, 0);
        static final Kind DIRECTORY = new Kind(Type.PATH, "a directory path (created if missing)", 0, 0);
        static final Kind OUTPUT_FILE = new Kind(Type.PATH, "a file path (created, or truncated if it exists)", 0, 0);
        static final Kind PATH = new Kind(Type.PATH, "the path of a regular file of key=value lines, at most 64 KiB,"
                + " that only its owner (the JVM's user or root) may write", 0, 0);

        private enum Type { BOOLEAN, INTEGER, DECIMAL, BYTES, LEVELS, ONE_LEVEL, GLOBS, CPU_LIST, HOST_PORT, VERBOSITY,
            PATH, ONE_OF }

        private final Type type;
        private final String accepted;
        private final double low;
        private final double high;
        private final List<String> choices;

        private Kind(Type type, String accepted, double low, double high) {
            this(type, accepted, low, high, List.of());
        }

        private Kind(Type type, String accepted, double low, double high, List<String> choices) {
            this.type = type;
            this.accepted = accepted;
            this.low = low;
            this.high = high;
            this.choices = choices;
        }

        /** One of {@code choices}, as written. */
        static Kind oneOf(String... choices) {
            return new Kind(Type.ONE_OF, String.join(" or ", choices), 0, 0, List.of(choices));
        }

        /** A whole number from {@code min} to {@code max}. */
        static Kind integer(String what, int min, int max) {
            return new Kind(Type.INTEGER, what + " from " + min + " to " + max, min, max);
        }

        /** A number above {@code low} and at most {@code high}. */
        static Kind decimal(String what, double low, double high, String example) {
            return new Kind(Type.DECIMAL, what + " above " + plain(low) + " and at most " + plain(high) + ", such as "
                    + example, low, high);
        }

        private static String plain(double number) {
            return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
        }

        String accepted() {
            return accepted;
        }

        /** The typed value, or null (or an exception) when {@code value} is not accepted. */
        Object parse(String value) {
            switch (type) {
                case BOOLEAN:
                    return "true".equalsIgnoreCase(value) ? Boolean.TRUE
                            : "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
                case INTEGER:
                    int whole = Integer.parseInt(value);
                    return whole < low || whole > high ? null : whole;
                case DECIMAL:
                    double number = Double.parseDouble(value);
                    return number > low && number <= high ? number : null;
                case BYTES:
                    return bytes(value);
                case LEVELS:
                    return LevelSpec.parse(value);
                case ONE_LEVEL:
                    return Level.byId(value.toLowerCase(Locale.ROOT));
                case GLOBS:
                    return globs(value);
                case CPU_LIST:
                    return CpuList.parse(value);
                case HOST_PORT:
                    return HostPort.parse(value);
                case VERBOSITY:
                    return Log.Verbosity.valueOf(value.toUpperCase(Locale.ROOT));
                case ONE_OF:
                    return choices.contains(value.toLowerCase(Locale.ROOT)) ? value.toLowerCase(Locale.ROOT) : null;
                default:
                    return value;
            }
        }

        private static Object globs(String value) {
            List<String> globs = new ArrayList<>();
            for (String part : value.split(";")) {
                String glob = part.trim();
                if (glob.isEmpty() || glob.contains("=") || glob.contains(",")) {
                    return null;
                }
                globs.add(glob);
            }
            return List.copyOf(globs);
        }

        private static Object bytes(String value) {
            String text = value.toLowerCase(Locale.ROOT);
            long unit = 1;
            char last = text.charAt(text.length() - 1);
            if (last == 'k' || last == 'm' || last == 'g') {
                unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
                text = text.substring(0, text.length() - 1);
            }
            long bytes = Math.multiplyExact(Long.parseLong(text), unit);
            return bytes > 0 ? bytes : null;
        }
    }
}
