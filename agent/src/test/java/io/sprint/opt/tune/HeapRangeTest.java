package io.sprint.opt.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GC.heap_info as HotSpot 17 and 25 print it. */
class HeapRangeTest {
    @Test
    void g1PrintsOneRange() {
        String info = " garbage-first heap   total 262144K, used 21813K [0x0000000687400000, 0x0000000800000000)\n"
                + "  region size 4096K, 6 young (24576K), 0 survivors (0K)\n";
        assertArrayEquals(new long[] {0x687400000L, 0x800000000L}, HeapRange.parse(info).orElseThrow());
    }

    @Test
    void parallelAndSerialPrintOneRangePerGeneration() {
        String info = " PSYoungGen      total 76288K, used 3932K [0x000000076ab00000, 0x0000000770000000,"
                + " 0x00000007c0000000)\n  eden space 65536K, 6% used [0x000000076ab00000,0x000000076aed7240,"
                + "0x000000076eb00000)\n ParOldGen       total 175104K, used 0K [0x00000006c0000000,"
                + " 0x00000006cab00000, 0x000000076ab00000)\n";
        assertArrayEquals(new long[] {0x6c0000000L, 0x7c0000000L}, HeapRange.parse(info).orElseThrow());
    }

    @Test
    void zgcPrintsNone() {
        assertTrue(HeapRange.parse(" ZHeap           used 8M, capacity 512M, max capacity 6028M\n").isEmpty());
    }
}
