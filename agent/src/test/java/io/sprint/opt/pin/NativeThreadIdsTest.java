package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeThreadIdsTest {
    @Test
    void readsJdk17HexAndJdk21DecimalNids() {
        String dump = "2026-11-24 13:00:00\nFull thread dump OpenJDK 64-Bit Server VM:\n\n"
                + "\"relay-1\" #14 prio=5 os_prio=0 cpu=0.32ms elapsed=5.01s tid=0x00007f8c2c0f2000 nid=0x5f0b waiting"
                + " on condition  [0x00007f8c]\n   java.lang.Thread.State: WAITING (parking)\n\n"
                + "\"Reference Handler\" #2 daemon [4242] prio=10 os_prio=0 cpu=0.5ms elapsed=6.2s tid=0x00007f5c"
                + " nid=4242 waiting on condition  [0x0]\n"
                + "\"a \"quoted\" name\" #30 [77] prio=5 os_prio=0 cpu=0ms elapsed=1s tid=0x1 nid=77 runnable\n"
                + "\"VM Thread\" os_prio=0 cpu=1ms elapsed=6s tid=0x2 nid=0x10 runnable\n";
        assertEquals(Map.of(14L, 0x5f0bL, 2L, 4242L, 30L, 77L), NativeThreadIds.parse(dump));
    }

    @Test
    void findsThisThreadInThisJvm() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "reads /proc");
        long nid = NativeThreadIds.snapshot().get(Thread.currentThread().getId());
        assertEquals(Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self"))
                .getFileName().toString()), nid);
    }
}
