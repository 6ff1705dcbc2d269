package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameGlobsTest {
    private final NameGlobs globs = new NameGlobs(List.of("relay-*", "mempool-?", "*-io-*", "exact"));

    @Test
    void matchesEachGlobShape() {
        assertTrue(globs.matches("relay-0"));
        assertTrue(globs.matches("relay-"));
        assertTrue(globs.matches("mempool-7"));
        assertTrue(globs.matches("net-io-worker"));
        assertTrue(globs.matches("exact"));
    }

    @Test
    void rejectsNearMisses() {
        assertFalse(globs.matches("relay"));
        assertFalse(globs.matches("xrelay-0"));
        assertFalse(globs.matches("mempool-12"));
        assertFalse(globs.matches("exactly"));
        assertFalse(globs.matches("pool-1-thread-1"));
    }

    @Test
    void starBacktracks() {
        assertTrue(NameGlobs.matches("a*b*c", "aXbYbZc"));
        assertFalse(NameGlobs.matches("a*b*c", "aXbYbZ"));
        assertTrue(NameGlobs.matches("*", ""));
        assertFalse(NameGlobs.matches("?", ""));
    }
}
