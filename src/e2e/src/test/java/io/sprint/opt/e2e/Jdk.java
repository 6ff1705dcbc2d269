package io.sprint.opt.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK the target JVMs run on: the one running the tests, plus those named in {@code e2e.jdks}. */
record Jdk(Path home, int feature) {
    /** For {@code @MethodSource}: every test runs once per target JDK. */
    static final String TARGETS = "io.sprint.opt.e2e.Jdk#targets";
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    static List<Jdk> targets() {
        Map<Path, Jdk> jdks = new LinkedHashMap<>();
        List<String> homes = new ArrayList<>();
        homes.add(System.getProperty("java.home"));
        homes.addAll(List.of(System.getProperty("e2e.jdks", "").split(",")));
        for (String home : homes) {
            if (home.isBlank()) {
                continue;
            }
            Path path = Path.of(home.trim());
            if (Files.isExecutable(path.resolve("bin/java"))) {
                try {
                    Path real = path.toRealPath();
                    jdks.putIfAbsent(real, new Jdk(real, feature(real)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(jdks.values());
    }

    private static int feature(Path home) throws IOException {
        Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
        if (!matcher.find()) {
            throw new IllegalStateException("no JAVA_VERSION in " + home.resolve("release"));
        }
        return Integer.parseInt(matcher.group(1));
    }

    String java() {
        return home.resolve("bin/java").toString();
    }

    String jcmd() {
        return home.resolve("bin/jcmd").toString();
    }

    /**
     * The documented flags that keep a target's stderr free of JDK warnings: dynamic agent
     * loading (JDK 21+) and native access for the agent's JNA (warned from JDK 24).
     */
    List<String> quietFlags() {
        return feature >= 21 ? List.of("-XX:+EnableDynamicAgentLoading", "--enable-native-access=ALL-UNNAMED")
                : List.of();
    }

    @Override
    public String toString() {
        return "JDK " + feature;
    }
}
