package io.sprint.opt.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SmapsTest {
    private static final String SMAPS = String.join("\n",
            "687400000-697400000 rw-p 00000000 00:00 0 ",
            "Size:             262144 kB",
            "VmFlags: rd wr mr mw me ac sd hg ",
            "697400000-800000000 ---p 00000000 00:00 0 ",
            "Size:            6029312 kB",
            "VmFlags: mr mw me nr sd hg ",
            "7f0000000000-7f0000001000 r-xp 00000000 08:01 42  /usr/lib/libc.so.6",
            "VmFlags: rd ex mr mw me sd ",
            "");

    @Test
    void everyMappingOfTheRangeMustCarryTheAdvice() throws IOException {
        assertTrue(advised(SMAPS, 0x687400000L, 0x800000000L));
        assertFalse(advised(SMAPS, 0x687400000L, 0x7f0000001000L), "libc has no hg");
        assertFalse(advised(SMAPS, 0x900000000L, 0x900001000L), "nothing mapped there");
    }

    /** Thread stacks lie above the heap: what follows the range is never read. */
    @Test
    void theReadStopsAtTheFirstMappingPastTheRange() throws IOException {
        String unreadable = SMAPS + "7f0000002000-7f0000003000 rw-p 00000000 00:00 0 \nVmFlags: garbage\n";
        BufferedReader reader = new BufferedReader(new StringReader(unreadable));
        assertTrue(Smaps.allAdvised(reader, 0x687400000L, 0x800000000L));
        assertEquals("VmFlags: rd ex mr mw me sd ", reader.readLine(), "libc's header line was the last one read");
    }

    private static boolean advised(String smaps, long start, long end) throws IOException {
        return Smaps.allAdvised(new BufferedReader(new StringReader(smaps)), start, end);
    }
}
