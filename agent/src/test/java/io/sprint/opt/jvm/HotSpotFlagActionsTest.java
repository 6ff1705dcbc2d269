package io.sprint.opt.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.config.Collector;
import io.sprint.opt.config.Level;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.config.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against this test JVM's real HotSpot flags; every test restores what it changed. */
class HotSpotFlagActionsTest {
    private final HotSpotFlags flags = HotSpotFlags.platform();
    private final Ledger ledger = new Ledger();
    private String min;
    private String max;

    @BeforeEach
    void remember() {
        min = flags.get("MinHeapFreeRatio");
        max = flags.get("MaxHeapFreeRatio");
    }

    @AfterEach
    void restore() {
        ledger.restoreAll();
        assertEquals(min, flags.get("MinHeapFreeRatio"));
        assertEquals(max, flags.get("MaxHeapFreeRatio"));
    }

    @Test
    void hotspotRefusesAMinAboveTheMax() {
        String tooHigh = Integer.toString(Integer.parseInt(max) + 1);
        Exception error = assertThrows(IllegalArgumentException.class, () -> flags.set("MinHeapFreeRatio", tooHigh));
        assertTrue(error.getMessage().contains("constraint"), error.getMessage());
    }

    @Test
    void theBandMovesBothWaysInALegalOrder() throws Exception {
        FreeRatioBand band = new FreeRatioBand(flags);
        Ledger.Transaction tx = ledger.begin();
        tx.set("heap-free-ratio", band, new FreeRatioBand.Band(5, 10));
        assertEquals("5", flags.get("MinHeapFreeRatio"));
        assertEquals("10", flags.get("MaxHeapFreeRatio"));
        // min 80 is above the current max 10: the max has to move first
        tx.set("heap-free-ratio", band, new FreeRatioBand.Band(80, 90));
        assertEquals("80", flags.get("MinHeapFreeRatio"));
        assertEquals("90", flags.get("MaxHeapFreeRatio"));
        tx.commit();
    }

    @Test
    void theLevelsActionsApplyOnThisJvmsCollector() {
        Profile turbo = Profile.resolve(Level.TURBO, 2, OptionsParser.parse("level=turbo"));
        Ledger.Transaction tx = ledger.begin();
        for (var action : JvmActions.forProfile(turbo, flags)) {
            ActionRecord record = action.apply(tx);
            if (record.name().equals("heap-free-ratio") && flags.collector() == Collector.G1) {
                assertEquals(ActionStatus.APPLIED, record.status(), record.toString());
                assertEquals("4", flags.get("MinHeapFreeRatio"));
                assertEquals("9", flags.get("MaxHeapFreeRatio"));
            }
            if (record.name().equals("soft-max-heap") && flags.collector() == Collector.G1) {
                assertEquals(ActionStatus.SKIPPED, record.status());
            }
            if (record.name().equals("collector")) {
                assertEquals(ActionStatus.SKIPPED, record.status());
                assertTrue(record.detail().contains("-XX:+UseZGC"), record.detail());
            }
            if (record.name().equals("thread-stack")) {
                assertEquals("-Xss136k", record.target());
            }
            assertTrue(record.status() != ActionStatus.FAILED, record.toString());
        }
        tx.commit();
    }
}
