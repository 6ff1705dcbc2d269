package io.sprint.opt.config;

import io.sprint.opt.log.Log;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Validated agent options: what the user gave, typed. Absent keys mean "the level's value". */
public final class Options {
    public static final Options DEFAULTS = new Options(new EnumMap<>(OptionKey.class), new EnumMap<>(OptionKey.class));

    private final Map<OptionKey, Object> values;
    private final Map<OptionKey, String> given;

    Options(EnumMap<OptionKey, Object> values, EnumMap<OptionKey, String> given) {
        this.values = Collections.unmodifiableMap(values);
        this.given = Collections.unmodifiableMap(given);
    }

    public boolean has(OptionKey key) {
        return values.containsKey(key);
    }

    public LevelSpec level() {
        return (LevelSpec) values.getOrDefault(OptionKey.LEVEL, LevelSpec.of(Level.BASIC));
    }

    public CpuList cpus() {
        return (CpuList) values.get(OptionKey.CPUS);
    }

    @SuppressWarnings("unchecked")
    public List<String> pin() {
        return (List<String>) values.getOrDefault(OptionKey.PIN, List.of());
    }

    public HostPort metrics() {
        return (HostPort) values.get(OptionKey.METRICS);
    }

    /** The same options with {@code level} as the level (what adaptive tuning applies). */
    public Options withLevel(Level level) {
        EnumMap<OptionKey, Object> newValues = new EnumMap<>(OptionKey.class);
        newValues.putAll(values);
        newValues.put(OptionKey.LEVEL, LevelSpec.of(level));
        EnumMap<OptionKey, String> newGiven = new EnumMap<>(OptionKey.class);
        newGiven.putAll(given);
        newGiven.put(OptionKey.LEVEL, level.id());
        return new Options(newValues, newGiven);
    }

    public double doubleOr(OptionKey key, double fallback) {
        return (Double) values.getOrDefault(key, fallback);
    }

    public Level levelOr(OptionKey key, Level fallback) {
        return (Level) values.getOrDefault(key, fallback);
    }

    public boolean strict() {
        return flagOr(OptionKey.STRICT, false);
    }

    public Log.Verbosity log() {
        return (Log.Verbosity) values.getOrDefault(OptionKey.LOG, Log.Verbosity.INFO);
    }

    public int intOr(OptionKey key, int fallback) {
        return (Integer) values.getOrDefault(key, fallback);
    }

    public long longOr(OptionKey key, long fallback) {
        return (Long) values.getOrDefault(key, fallback);
    }

    public boolean flagOr(OptionKey key, boolean fallback) {
        return (Boolean) values.getOrDefault(key, fallback);
    }

    /** The options as given (config file merged in), in the order of the option table. */
    @Override
    public String toString() {
        return join(given.keySet().stream());
    }

    /**
     * The same options as one argument string without {@code config=}: the file is already
     * merged in, and the JVM receiving them may not even see that path.
     */
    public String toArgs() {
        return join(given.keySet().stream().filter(k -> k != OptionKey.CONFIG));
    }

    private String join(java.util.stream.Stream<OptionKey> keys) {
        return keys.map(k -> k.key() + "=" + given.get(k)).collect(Collectors.joining(","));
    }
}
