package io.sprint.opt.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.RefusingPlatform;
import org.junit.jupiter.api.Test;

/** Where timers are sharpened per process (Windows), latency tuning holds a 1 ms period and restore lets go. */
class TimerPeriodActionTest {
    /** Windows-shaped: one timer period for the whole process, held until released. */
    static final class PeriodOs extends RefusingPlatform {
        long held;
        String refusal;

        @Override public String missing(Capability capability) {
            return capability == Capability.TIMER_PERIOD ? null : super.missing(capability);
        }
        @Override public long timerPeriodNanos() { return held; }
        @Override public void setTimerPeriodNanos(long nanos) throws OsException {
            if (refusal != null) {
                throw new OsException(refusal, OsException.EINVAL);
            }
            held = nanos;
        }
    }

    private final PeriodOs os = new PeriodOs();

    @Test
    void holdsOneMillisecondAndRestoreReleasesIt() {
        Ledger ledger = new Ledger();
        Ledger.Transaction transaction = ledger.begin();
        ActionRecord record = new TimerPeriodAction(os).apply(transaction);
        transaction.commit();
        assertEquals(ActionStatus.APPLIED, record.status(), record.toString());
        assertEquals("timer period none held → 1 ms", record.detail());
        assertEquals(1_000_000L, os.held);
        ledger.restoreAll();
        assertEquals(0L, os.held);
    }

    @Test
    void aRefusedPeriodFailsNamingTheCall() {
        os.refusal = "timeBeginPeriod(1): TIMERR_NOCANDO (97)";
        ActionRecord record = new TimerPeriodAction(os).apply(new Ledger().begin());
        assertEquals(ActionStatus.FAILED, record.status());
        assertTrue(record.detail().endsWith("timeBeginPeriod(1): TIMERR_NOCANDO (97)"), record.detail());
    }
}
