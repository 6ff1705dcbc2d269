package io.sprint.opt.config;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads agent options: comma-separated {@code key=value} (the Jolokia / JMX-exporter convention),
 * merged over a {@code config=PATH} file of the same keys ({@link ConfigFile}). The command line wins.
 *
 * <p>A comma also separates the parts of a cpulist ({@code cpus=2-5,8}), so a token without
 * {@code =} continues the previous value when that value is a cpulist.
 */
public final class OptionsParser {
    private OptionsParser() {
    }

    /** @throws OptionException for the first bad option, with the one line the user should see */
    public static Options parse(String args) {
        Map<OptionKey, String> given = split(args == null ? "" : args);
        String config = given.get(OptionKey.CONFIG);
        Map<OptionKey, ConfigFile.Entry> fromFile = config == null ? Map.of() : ConfigFile.read(config);
        EnumMap<OptionKey, Object> values = new EnumMap<>(OptionKey.class);
        EnumMap<OptionKey, String> canonical = new EnumMap<>(OptionKey.class);
        for (Map.Entry<OptionKey, ConfigFile.Entry> entry : fromFile.entrySet()) {
            if (!given.containsKey(entry.getKey())) {
                values.put(entry.getKey(), readFromFile(entry.getKey(), entry.getValue(), config));
                canonical.put(entry.getKey(), entry.getValue().value());
            }
        }
        for (Map.Entry<OptionKey, String> entry : given.entrySet()) {
            values.put(entry.getKey(), entry.getKey().read(entry.getValue()));
            canonical.put(entry.getKey(), entry.getValue().trim());
        }
        return new Options(values, canonical);
    }

    /** A value from the config file: a bad one is named by key and line, never repeated. */
    private static Object readFromFile(OptionKey key, ConfigFile.Entry entry, String config) {
        try {
            return key.read(entry.value());
        } catch (OptionException e) {
            throw OptionException.badValueInFile(key, entry.line(), config.trim());
        }
    }

    private static Map<OptionKey, String> split(String args) {
        Map<OptionKey, String> given = new LinkedHashMap<>();
        OptionKey previous = null;
        for (String token : args.split(",")) {
            if (token.isBlank()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                if (previous != OptionKey.CPUS) {
                    throw OptionException.notKeyValue(token.trim());
                }
                given.put(previous, given.get(previous) + "," + token.trim());
                continue;
            }
            String name = token.substring(0, eq).trim();
            OptionKey key = OptionKey.byKey(name);
            if (key == null) {
                throw OptionException.unknownKey(name, token.substring(eq + 1).trim());
            }
            given.put(key, token.substring(eq + 1).trim());
            previous = key;
        }
        return given;
    }
}
