package io.sprint.opt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuListTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "0-3|0-3", "3,1,2|1-3", "0-1, 5 ,7-8|0-1,5,7-8", "100-130,1023|100-130,1023"})
    void parsesAndPrintsCanonically(String text, String canonical) {
        assertEquals(canonical, CpuList.parse(text).toString());
    }

    @Test
    void holdsMoreThan64Cpus() {
        CpuList cpus = CpuList.parse("0-127");
        assertEquals(128, cpus.count());
        assertEquals("64-127", cpus.intersect(CpuList.parse("64-200")).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "1-", "-1", "3-1", "1-2-3", "1024", "0,,1"})
    void rejectsWhatIsNotACpuList(String text) {
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse(text));
    }

    @Test
    void masksAsTheKernelPrintsThem() {
        assertEquals("3", CpuList.parse("0-1").toMask());
        assertEquals("1", CpuList.of(0).toMask());
        assertEquals("0", CpuList.NONE.toMask());
        assertEquals("1,00000000", CpuList.of(32).toMask());
        assertEquals("ff,ffffffff", CpuList.range(0, 40).toMask());
        assertEquals(CpuList.range(0, 40), CpuList.parseMask("ff,ffffffff"));
        assertEquals(CpuList.parse("1,33"), CpuList.parseMask("00000002,00000002"));
        assertEquals(CpuList.parse("0-1"), CpuList.parseMask("3\n"));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parseMask("1ffffffff"));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parseMask("x"));
    }
}
