package io.sprint.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent's packages in layers, arrows pointing down only: docs/ARCHITECTURE.md draws the same
 * table. A new package must take a layer here; a dependency upward (or a cycle) fails, naming
 * the file.
 */
class ArchitectureTest {
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("boot", 8),
            Map.entry("cli", 7),
            Map.entry("core", 6),
            Map.entry("mbean", 5), Map.entry("metrics", 5), Map.entry("monitor", 5),
            Map.entry("jvm", 4), Map.entry("tune", 4), Map.entry("pin", 4), Map.entry("stats", 4),
            Map.entry("action", 3), Map.entry("journal", 3), Map.entry("platform.linux", 3), Map.entry("platform.macos", 3),
            Map.entry("platform.windows", 3),
            Map.entry("platform", 2), Map.entry("jdk", 2),
            Map.entry("config", 1), Map.entry("threads", 1), Map.entry("events", 1),
            Map.entry("log", 0));
    private static final Path SOURCES = Path.of("src/main/java/io/sprint/opt");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.sprint\\.opt\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"",
            Pattern.DOTALL);

    @Test
    void everyDependencyPointsToALowerLayer() throws IOException {
        List<String> upward = new ArrayList<>();
        Map<String, Set<String>> map = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                String from = packageOf(file);
                assertTrue(LAYER.containsKey(from), from + " has no layer in ArchitectureTest (nor docs/ARCHITECTURE.md)");
                String code = COMMENT_OR_STRING.matcher(Files.readString(file)).replaceAll(" ");
                Matcher reference = REFERENCE.matcher(code);
                while (reference.find()) {
                    String to = reference.group(1);
                    if (to.equals(from)) {
                        continue;
                    }
                    map.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    if (!LAYER.containsKey(to) || LAYER.get(to) >= LAYER.get(from)) {
                        upward.add(SOURCES.relativize(file) + ": " + from + " → " + to);
                    }
                }
            }
        }
        assertEquals(List.of(), upward, "dependencies that do not point down; the map now:\n" + map.entrySet().stream()
                .map(e -> e.getKey() + " → " + String.join(", ", e.getValue())).collect(Collectors.joining("\n")));
    }

    private static String packageOf(Path file) {
        Path dir = SOURCES.relativize(file.getParent());
        return dir.toString().replace('/', '.');
    }
}
