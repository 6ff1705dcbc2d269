package io.sprint.opt.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads agent options: comma-separated {@code key=value} (the Jolokia / JMX-exporter convention),
 * merged over a {@code config=PATH} properties file with the same keys. The command line wins.
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
        if (config != null) {
            readConfig(config).forEach(given::putIfAbsent);
        }
        EnumMap<OptionKey, Object> values = new EnumMap<>(OptionKey.class);
        EnumMap<OptionKey, String> canonical = new EnumMap<>(OptionKey.class);
        for (Map.Entry<OptionKey, String> entry : given.entrySet()) {
            values.put(entry.getKey(), entry.getKey().read(entry.getValue()));
            canonical.put(entry.getKey(), entry.getValue().trim());
        }
        return new Options(values, canonical);
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
                throw OptionException.unknownKey(name, token.substring(eq + 1).trim(), "");
            }
            given.put(key, token.substring(eq + 1).trim());
            previous = key;
        }
        return given;
    }

    private static Map<OptionKey, String> readConfig(String path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(path.trim()), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw OptionException.config(path, "cannot read it (" + e + ")");
        }
        Map<OptionKey, String> fromFile = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            OptionKey key = OptionKey.byKey(name.trim());
            if (key == null) {
                throw OptionException.unknownKey(name, properties.getProperty(name), " in " + path);
            }
            if (key == OptionKey.CONFIG) {
                throw OptionException.config(path, "a config file cannot name another config file");
            }
            fromFile.put(key, properties.getProperty(name));
        }
        return fromFile;
    }
}
