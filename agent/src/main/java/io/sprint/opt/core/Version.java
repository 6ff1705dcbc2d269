package io.sprint.opt.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** sprint-opt's version, from the resource Maven filters at build time. */
public final class Version {
    public static final String VALUE = read();

    private Version() {
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
