package io.sprint.opt.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.Level;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.config.Profile;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.platform.HostProbe;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.RefusingPlatform;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where timers are sharpened per process (Windows), latency tuning holds a 1 ms period and restore lets go. */
class TimerPeriodActionTest {
    /** Windows-shaped: one timer period for the whole process, held until released. */
    static final class PeriodOs extends RefusingPlatform {
        long held;
        String refusal;

        @Override public boolean timerPeriodPerProcess() { return true; }
        @Override public long timerPeriodNanos() { return held; }
        @Override public void setTimerPeriodNanos(long nanos) throws OsException {
            if (refusal != null) {
                throw new OsException(refusal, OsException.EINVAL);
            }
            held = nanos;
        }
    }

    private final PeriodOs os = new PeriodOs();

    @TempDir
    Path root;

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

    @Test
    void latencyTuningTakesThePeriodWhereTimersArePerProcess() {
        Profile profile = Profile.resolve(Level.ENTERPRISE, 2, OptionsParser.parse(""));
        HostProbe host = new HostProbe(root.resolve("proc"), root.resolve("sys"));
        List<String> names = OsActions.forProfile(profile, () -> os, host, CpuList.parse("0-1"),
                new ThreadPinning(null, () -> os)).stream().map(Action::name).collect(Collectors.toList());
        assertTrue(names.contains("timer-period") && !names.contains("timer-slack"), names.toString());
    }
}
