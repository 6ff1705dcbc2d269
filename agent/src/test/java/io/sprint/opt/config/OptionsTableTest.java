package io.sprint.opt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's options table is OptionKey's declarations, row for row: a key added, a default or a
 * range changed without README following fails here, and the message is the table to paste (into
 * README, once: a pasted test report is not a second table).
 */
class OptionsTableTest {
    private static final String HEADER = "| key | default | what it does | takes |\n|---|---|---|---|";

    static String expectedTable() {
        return HEADER + "\n" + Stream.of(OptionKey.values())
                .map(k -> "| `" + k.key() + "` | " + k.defaultText() + " | " + markdown(k.doc()) + " | "
                        + markdown(k.accepted()) + " |")
                .collect(Collectors.joining("\n"));
    }

    /** A glob's star would start emphasis. */
    private static String markdown(String text) {
        return text.replace("*", "\\*");
    }

    @Test
    void readmesOptionsTableIsTheDeclaredOptions() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int start = readme.indexOf(HEADER.lines().findFirst().orElseThrow());
        String found = start < 0 ? "(no options table)" : readme.subList(start, readme.size()).stream()
                .takeWhile(line -> line.startsWith("|")).collect(Collectors.joining("\n"));
        assertEquals(expectedTable(), found, "README's options table; paste:\n" + expectedTable() + "\n");
        assertEquals(start, readme.lastIndexOf(readme.get(start)), "README holds the options table once");
    }
}
