package io.sprint.opt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.RefusingPlatform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The applying thread's priority: raised for the apply, its own given back, and left alone where it may not be raised. */
class ApplyUrgencyTest {
    /** One thread's nice value, as an OS that may or may not raise it keeps it. */
    private static final class Nice extends RefusingPlatform {
        private final boolean mayRaise;
        private int nice;
        private final List<Integer> set = new ArrayList<>();

        Nice(int nice, boolean mayRaise) {
            this.nice = nice;
            this.mayRaise = mayRaise;
        }

        @Override
        public long currentThreadId() {
            return 42;
        }

        @Override
        public int niceness(long tid) {
            return nice;
        }

        @Override
        public void setNiceness(long tid, int value) throws OsException {
            if (value < nice && !mayRaise) {
                throw new OsException("setpriority(42, " + value + "): Permission denied", OsException.EACCES);
            }
            nice = value;
            set.add(value);
        }
    }

    @Test
    void raisedWhileApplyingThenItsOwnValueBack() {
        Nice os = new Nice(0, true);
        ApplyUrgency urgency = ApplyUrgency.raise(os);
        assertEquals(-10, os.nice);
        urgency.lower();
        assertEquals(0, os.nice);
        assertEquals(List.of(-10, 0), os.set);
    }

    /** An operator who runs the JVM niced keeps it below the others: the thread goes up from its own value. */
    @Test
    void raisedFromItsOwnValueAsFarAsTheOsGoes() {
        Nice niced = new Nice(15, true);
        ApplyUrgency.raise(niced).lower();
        assertEquals(List.of(5, 15), niced.set);
        Nice urgent = new Nice(-15, true);
        ApplyUrgency.raise(urgent).lower();
        assertEquals(List.of(-20, -15), urgent.set);
    }

    @Test
    void withoutThePrivilegeTheThreadKeepsItsPriority() {
        Nice os = new Nice(0, false);
        assertNull(ApplyUrgency.raise(os));
        assertEquals(0, os.nice);
    }

    @Test
    void aThreadAsUrgentAsCanBeIsLeftAsItIs() {
        Nice os = new Nice(-20, true);
        assertNull(ApplyUrgency.raise(os));
        assertEquals(List.of(), os.set);
    }

    @Test
    void anOsWithoutNiceValuesAppliesAsBefore() {
        assertNull(ApplyUrgency.raise(new RefusingPlatform()));
    }
}
