package io.sprint.opt.config;

import io.sprint.opt.log.Log;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every agent option: its key, how its value is read, and what it accepts (for error messages). */
public enum OptionKey {
    LEVEL("level", "basic, standard, aggressive, enterprise, turbo, auto, or a chain such as turbo>enterprise>basic"),
    PIN("pin", "thread-name globs separated by ';', such as relay-*;mempool-*"),
    CPUS("cpus", "a Linux cpulist such as 2-5,8"),
    GC("gc", "a GC target percent from 1 to 1000"),
    MEM("mem", "a percent of the maximum heap from 1 to 100"),
    THREADS("threads", "a thread count from 1 to 32767"),
    STACK("stack", "a size in bytes such as 8192, 256k or 1m"),
    MLOCK("mlock"),
    RT("rt"),
    PINNING("pinning"),
    HUGEPAGES("hugepages"),
    NUMA("numa"),
    LATENCY("latency"),
    RT_PRIORITY("rt.priority", "an integer from 1 to 99"),
    METRICS("metrics", "PORT or HOST:PORT with a port from 1 to 65535"),
    HICCUP("hiccup"),
    ADAPTIVE("adaptive"),
    ADAPTIVE_TARGET("adaptive.target", "a latency in ms above 0 and at most 60000, such as 10 or 0.5"),
    ADAPTIVE_CPU("adaptive.cpu", "a CPU use percent from 1 to 100"),
    ADAPTIVE_MIN("adaptive.min", "one level: basic, standard, aggressive, enterprise or turbo"),
    ADAPTIVE_MAX("adaptive.max", "one level: basic, standard, aggressive, enterprise or turbo"),
    ADAPTIVE_INTERVAL("adaptive.interval", "seconds from 1 to 3600"),
    HEALTH_GC("health.gc", "a GC CPU fraction above 0 and at most 1, such as 0.2"),
    HEALTH_THREADS("health.threads", "a thread count from 1 to 10000000"),
    HEALTH_HICCUP("health.hiccup", "a hiccup p99 in ms above 0 and at most 3600000, such as 100"),
    STRICT("strict"),
    LOG("log", "quiet, info or debug"),
    CONFIG("config", "the path of a regular file of key=value lines, at most 64 KiB, that only its owner (the JVM's user or root) may write");

    private static final String BOOLEAN = "true or false";

    private final String key;
    private final String accepted;

    OptionKey(String key) {
        this(key, BOOLEAN);
    }

    OptionKey(String key, String accepted) {
        this.key = key;
        this.accepted = accepted;
    }

    public String key() {
        return key;
    }

    public String accepted() {
        return accepted;
    }

    /** @throws OptionException naming this key, the value and what is accepted */
    public Object read(String value) {
        try {
            Object result = parse(value.trim());
            if (result == null) {
                throw new IllegalArgumentException(value);
            }
            return result;
        } catch (RuntimeException e) {
            throw OptionException.badValue(this, value);
        }
    }

    // A switch rather than a lambda per key: each lambda is a class spun at start-up.
    private Object parse(String value) {
        switch (this) {
            case LEVEL:
                return LevelSpec.parse(value);
            case PIN:
                return globs(value);
            case CPUS:
                return CpuList.parse(value);
            case GC:
                return intIn(value, 1, 1000);
            case MEM:
                return intIn(value, 1, 100);
            case THREADS:
                return intIn(value, 1, 32767);
            case STACK:
                return bytes(value);
            case RT_PRIORITY:
                return intIn(value, 1, 99);
            case METRICS:
                return HostPort.parse(value);
            case ADAPTIVE_TARGET:
                return doubleIn(value, 0, 60_000);
            case ADAPTIVE_CPU:
                return intIn(value, 1, 100);
            case ADAPTIVE_MIN:
            case ADAPTIVE_MAX:
                return Level.byId(value.toLowerCase(Locale.ROOT));
            case ADAPTIVE_INTERVAL:
                return intIn(value, 1, 3600);
            case HEALTH_GC:
                return doubleIn(value, 0, 1);
            case HEALTH_THREADS:
                return intIn(value, 1, 10_000_000);
            case HEALTH_HICCUP:
                return doubleIn(value, 0, 3_600_000);
            case LOG:
                return Log.Verbosity.valueOf(value.toUpperCase(Locale.ROOT));
            case CONFIG:
                return value;
            default:
                return bool(value);
        }
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

    private static Object bool(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** Above {@code low}, at most {@code high}. */
    private static Object doubleIn(String value, double low, double high) {
        double number = Double.parseDouble(value);
        return number > low && number <= high ? number : null;
    }

    private static Object intIn(String value, int min, int max) {
        int number = Integer.parseInt(value);
        return number < min || number > max ? null : number;
    }

    private static Object globs(String value) {
        List<String> globs = Arrays.stream(value.split(";")).map(String::trim).collect(Collectors.toList());
        boolean valid = globs.stream().noneMatch(g -> g.isEmpty() || g.contains("=") || g.contains(","));
        return valid ? List.copyOf(globs) : null;
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
