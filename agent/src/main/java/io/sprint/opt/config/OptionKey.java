package io.sprint.opt.config;

import io.sprint.opt.log.Log;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every agent option: its key, how its value is read, and what it accepts (for error messages). */
public enum OptionKey {
    LEVEL("level", LevelSpec::parse,
            "basic, standard, aggressive, enterprise, turbo, auto, or a chain such as turbo>enterprise>basic"),
    PIN("pin", OptionKey::globs, "thread-name globs separated by ';', such as relay-*;mempool-*"),
    CPUS("cpus", CpuList::parse, "a Linux cpulist such as 2-5,8"),
    GC("gc", v -> intIn(v, 1, 1000), "a GC target percent from 1 to 1000"),
    MEM("mem", v -> intIn(v, 1, 100), "a percent of the maximum heap from 1 to 100"),
    THREADS("threads", v -> intIn(v, 1, 32767), "a thread count from 1 to 32767"),
    STACK("stack", OptionKey::bytes, "a size in bytes such as 8192, 256k or 1m"),
    MLOCK("mlock"),
    RT("rt"),
    PINNING("pinning"),
    HUGEPAGES("hugepages"),
    NUMA("numa"),
    LATENCY("latency"),
    RT_PRIORITY("rt.priority", v -> intIn(v, 1, 99), "an integer from 1 to 99"),
    METRICS("metrics", HostPort::parse, "PORT or HOST:PORT with a port from 1 to 65535"),
    HICCUP("hiccup"),
    ADAPTIVE("adaptive"),
    STRICT("strict"),
    LOG("log", v -> Log.Verbosity.valueOf(v.toUpperCase(Locale.ROOT)), "quiet, info or debug"),
    CONFIG("config", v -> v, "the path of a readable properties file");

    private final String key;
    private final Function<String, Object> reader;
    private final String accepted;

    OptionKey(String key) {
        this(key, OptionKey::bool, "true or false");
    }

    OptionKey(String key, Function<String, Object> reader, String accepted) {
        this.key = key;
        this.reader = reader;
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
            Object result = reader.apply(value.trim());
            if (result == null) {
                throw new IllegalArgumentException(value);
            }
            return result;
        } catch (RuntimeException e) {
            throw OptionException.badValue(this, value);
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
