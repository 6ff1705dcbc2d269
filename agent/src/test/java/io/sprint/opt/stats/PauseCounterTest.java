package io.sprint.opt.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** HotSpot's pause counter as the VM thread moves it, and notifications arriving late. */
class PauseCounterTest {
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong time = new AtomicLong();
    private final AtomicLong entry = new AtomicLong();
    private final AtomicLong exit = new AtomicLong();
    /** Ticks of 1 µs. */
    private final PauseCounter counter = new PauseCounter("test pauses", invocations::get, time::get, entry::get,
            exit::get, 1000);

    private void begin(long at) {
        invocations.incrementAndGet();
        entry.set(at);
    }

    private void end(long at) {
        exit.set(at);
        time.addAndGet(at - entry.get());
    }

    @Test
    void aNotificationHandledInTimeIsExact() {
        begin(100);
        end(140);
        assertArrayEquals(new long[] {40_000}, counter.arrived(1, 0));
        begin(500);
        end(573);
        assertArrayEquals(new long[] {73_000}, counter.arrived(2, 0));
    }

    @Test
    void aNotificationHandledWhileTheNextPauseRunsIsExact() {
        begin(100);
        end(140);
        begin(200); // the next pause begins before notification 1 is handled
        assertArrayEquals(new long[] {40_000}, counter.arrived(1, 0));
        end(230);
        assertArrayEquals(new long[] {30_000}, counter.arrived(2, 0));
    }

    @Test
    void aNotificationHandledAfterTheNextPauseEndedWaitsForItAndBothAreExact() {
        begin(100);
        end(140);
        begin(200);
        end(260);
        assertArrayEquals(new long[0], counter.arrived(1, 0));
        assertArrayEquals(new long[0], counter.drain(), "nothing to tell until notification 2 comes");
        assertArrayEquals(new long[] {40_000, 60_000}, counter.arrived(2, 0));
    }

    @Test
    void waitingPausesNeverSeenEndingShareTheirTotalByTheirWholeMilliseconds() {
        begin(0);
        end(3_000);
        begin(4_000);
        end(5_000);
        begin(6_000); // two notifications behind, and neither pause was read as the latest
        assertArrayEquals(new long[0], counter.arrived(1, 3_000_000));
        assertArrayEquals(new long[] {3_000_000, 1_000_000}, counter.arrived(2, 1_000_000));
        end(6_500);
        assertArrayEquals(new long[] {500_000}, counter.arrived(3, 0));
    }

    @Test
    void waitingPausesWithoutWholeMillisecondsShareEvenly() {
        begin(0);
        end(30);
        begin(40);
        end(90);
        begin(100);
        assertArrayEquals(new long[0], counter.arrived(1, 0));
        assertArrayEquals(new long[] {40_000, 40_000}, counter.arrived(2, 0));
    }

    @Test
    void pausesBeforeListeningKeepTheirWholeMilliseconds() {
        begin(0);
        end(10);
        PauseCounter late = new PauseCounter("test pauses", invocations::get, time::get, entry::get, exit::get, 1000);
        assertArrayEquals(new long[] {1_000_000}, late.arrived(1, 1_000_000));
    }

    @Test
    void aPauseMissedWhileListeningBeganDoesNotStallTheRest() {
        begin(0);
        end(20);
        // pause 1 ended before the listener was there: its notification never comes
        assertArrayEquals(new long[] {40_000}, timed(2, 100, 140));
        assertArrayEquals(new long[] {7_000}, timed(3, 200, 207));
    }

    private long[] timed(long id, long from, long to) {
        begin(from);
        end(to);
        return counter.arrived(id, 0);
    }
}
