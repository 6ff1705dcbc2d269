package io.sprint.opt.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    /** A name may hold spaces and parentheses: fields are counted from its last ')'. */
    @Test
    void numbersFieldsAsProcFiveDoesWhateverTheName() {
        String line = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 5 0 0 0 17 3 0 0 20 0 1 0 98765 0 0";
        ProcStat stat = ProcStat.parse(line);
        assertEquals("my (odd) name", stat.name());
        assertEquals(1, stat.number(4), "ppid");
        assertEquals(17, stat.number(14), "utime");
        assertEquals(3, stat.number(15), "stime");
        assertEquals(98765, stat.number(22), "starttime");
        assertThrows(IllegalArgumentException.class, () -> stat.number(40));
        assertThrows(IllegalArgumentException.class, () -> stat.number(2));
    }

    @Test
    void aLineWithoutANameIsNotOne() {
        assertNull(ProcStat.parse("4242 S 1"));
        assertNull(ProcStat.parse("4242 (cut"));
    }
}
