package io.sprint.opt.config;

import io.sprint.opt.log.Log;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return (LevelSpec) value(OptionKey.LEVEL);
    }

    public CpuList cpus() {
        return (CpuList) value(OptionKey.CPUS);
    }

    @SuppressWarnings("unchecked")
    public List<String> pin() {
        return (List<String>) value(OptionKey.PIN);
    }

    public HostPort metrics() {
        return (HostPort) value(OptionKey.METRICS);
    }

    public boolean strict() {
        return flag(OptionKey.STRICT);
    }

    public Log.Verbosity log() {
        return (Log.Verbosity) value(OptionKey.LOG);
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

    /** The value given, or the key's default (null for a key whose default is the level's). */
    public Object value(OptionKey key) {
        return values.getOrDefault(key, key.defaultValue());
    }

    public boolean flag(OptionKey key) {
        return (Boolean) value(key);
    }

    public int integer(OptionKey key) {
        return (Integer) value(key);
    }

    public double decimal(OptionKey key) {
        return (Double) value(key);
    }

    public Level oneLevel(OptionKey key) {
        return (Level) value(key);
    }

    /** A key whose default is the level's: the value given, else {@code levelValue}. */
    public int intOr(OptionKey key, int levelValue) {
        return (Integer) values.getOrDefault(key, levelValue);
    }

    public long longOr(OptionKey key, long levelValue) {
        return (Long) values.getOrDefault(key, levelValue);
    }

    public boolean flagOr(OptionKey key, boolean levelValue) {
        return (Boolean) values.getOrDefault(key, levelValue);
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

    private String join(Stream<OptionKey> keys) {
        return keys.map(k -> k.key() + "=" + given.get(k)).collect(Collectors.joining(","));
    }
}
