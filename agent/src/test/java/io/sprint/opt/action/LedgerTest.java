package io.sprint.opt.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private final List<String> writes = MemorySetting.log();
    private final MemorySetting a = new MemorySetting("a", 1, writes);
    private final MemorySetting b = new MemorySetting("b", 2, writes);
    private final Ledger ledger = new Ledger();

    @Test
    void setReportsTheChangeAndRestoreWalksBackwards() throws Exception {
        Ledger.Transaction tx = ledger.begin();
        assertEquals("a 1 → 10", tx.set("x", a, 10));
        assertEquals("b 2 → 20", tx.set("y", b, 20));
        tx.commit();
        writes.clear();

        List<ActionRecord> restored = ledger.restoreAll();
        assertEquals(List.of("b=2", "a=1"), writes);
        assertEquals(List.of("y", "x"), restored.stream().map(ActionRecord::name).toList());
        assertTrue(restored.stream().allMatch(r -> r.status() == ActionStatus.RESTORED));
        assertEquals("b 20 → 2", restored.get(0).detail());
        assertTrue(ledger.isEmpty());
    }

    @Test
    void aValueAlreadyInPlaceIsNotWrittenButStillRecorded() throws Exception {
        Ledger.Transaction tx = ledger.begin();
        assertEquals("a 1 → 1 (already)", tx.set("x", a, 1));
        assertEquals(List.of(), writes);
        tx.commit();
        assertEquals(1, ledger.restoreAll().size());
    }

    @Test
    void aWriteThatDoesNotReadBackIsAnError() {
        a.dropWrites = true;
        Exception error = assertThrows(IllegalStateException.class, () -> ledger.begin().set("x", a, 10));
        assertEquals("read back 1 after writing 10", error.getMessage());
    }

    @Test
    void reapplyingKeepsTheFirstOriginals() throws Exception {
        Ledger.Transaction first = ledger.begin();
        first.set("x", a, 10);
        first.commit();
        Ledger.Transaction second = ledger.begin();
        second.set("x", a, 100);
        second.commit();
        assertEquals(100, a.value);
        ledger.restoreAll();
        assertEquals(1, a.value);
    }

    @Test
    void commitReleasesWhatTheNewLevelNoLongerChanges() throws Exception {
        Ledger.Transaction first = ledger.begin();
        first.set("x", a, 10);
        first.set("y", b, 20);
        first.commit();
        Ledger.Transaction second = ledger.begin();
        second.set("x", a, 11);
        List<ActionRecord> released = second.commit();
        assertEquals(1, released.size());
        assertEquals("y", released.get(0).name());
        assertEquals(2, b.value);
        assertEquals(11, a.value);
        ledger.restoreAll();
        assertEquals(1, a.value);
    }

    @Test
    void rollbackUndoesExactlyTheAttempt() throws Exception {
        Ledger.Transaction first = ledger.begin();
        first.set("x", a, 10);
        first.commit();
        Ledger.Transaction attempt = ledger.begin();
        attempt.set("x", a, 50);
        attempt.set("y", b, 60);
        attempt.rollback();
        assertEquals(10, a.value, "back to the previous level's value, not the original");
        assertEquals(2, b.value);
        ledger.restoreAll();
        assertEquals(1, a.value);
        assertEquals(2, b.value);
        assertTrue(ledger.isEmpty());
    }

    @Test
    void aFailedRestoreStaysForARetry() throws Exception {
        Ledger.Transaction tx = ledger.begin();
        tx.set("x", a, 10);
        tx.commit();
        a.dropWrites = true;
        ActionRecord record = ledger.restoreAll().get(0);
        assertEquals(ActionStatus.FAILED, record.status());
        assertEquals("a 10 → 10, expected 1", record.detail());
        a.dropWrites = false;
        assertEquals(ActionStatus.RESTORED, ledger.restoreAll().get(0).status());
        assertEquals(1, a.value);
    }

    @Test
    void anIrreversibleChangeIsReportedAsLeft() throws Exception {
        Ledger.Transaction tx = ledger.begin();
        tx.record("pool", a, 7);
        tx.commit();
        a.irreversible = true;
        ActionRecord record = ledger.restoreAll().get(0);
        assertEquals(ActionStatus.SKIPPED, record.status());
        assertEquals("left as is: a stays 1", record.detail());
        assertTrue(ledger.isEmpty());
    }

    @Test
    void aSettingThatCannotGoBackIsNotEvenReadOnRestore() throws Exception {
        Ledger.Transaction tx = ledger.begin();
        tx.set("advice", a, 5);
        tx.commit();
        a.neverBack = "a keeps its advice";
        int readsBefore = a.reads;
        ActionRecord record = ledger.restoreAll().get(0);
        assertEquals(ActionStatus.SKIPPED, record.status());
        assertEquals("left as is: a keeps its advice", record.detail());
        assertEquals(readsBefore, a.reads, "restore read nothing");
        assertEquals(5, a.value);
        assertTrue(ledger.isEmpty());
    }

    @Test
    void driftIsWhatNoLongerReadsAsAppliedAndReapplyPutsItBack() throws Exception {
        Ledger.Transaction tx = ledger.begin();
        tx.set("x", a, 10);
        tx.set("y", b, 20);
        tx.commit();
        assertEquals(List.of(), ledger.drift());
        assertEquals(2, ledger.appliedCount());

        b.value = 70; // jcmd VM.set_flag, from outside
        assertEquals(List.of(Drift.of("b", "20", "70")), ledger.drift());
        assertEquals(List.of("b → 20"), ledger.reapply(List.of("b")));
        assertEquals(20, b.value);
        assertEquals(List.of(), ledger.drift());
    }

    @Test
    void aRolledBackAttemptIsNotVerifiedAndARestoredSettingIsNoLongerApplied() throws Exception {
        Ledger.Transaction failed = ledger.begin();
        failed.set("x", a, 10);
        failed.rollback();
        assertEquals(0, ledger.appliedCount(), "rolled back: nothing applied to verify");

        Ledger.Transaction first = ledger.begin();
        first.set("x", a, 10);
        first.set("y", b, 20);
        first.commit();
        Ledger.Transaction second = ledger.begin();
        second.set("x", a, 11);
        second.commit(); // b is no longer the level's: restored
        assertEquals(1, ledger.appliedCount());
        b.value = 99;
        assertEquals(List.of(), ledger.drift(), "b is restored: not drift");
        a.value = 10;
        assertEquals(List.of(Drift.of("a", "11", "10")), ledger.drift(), "compared with the newer level's value");
        ledger.restoreAll();
        assertEquals(List.of(), ledger.drift());
    }
}
