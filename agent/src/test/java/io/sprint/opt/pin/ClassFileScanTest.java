package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClassFileScanTest {
    static final class OwnRun extends Thread {
        @Override
        public void run() {
        }
    }

    static final class InheritedRun extends Thread {
        void work() {
        }
    }

    static final class PlainRunnable implements Runnable {
        @Override
        public void run() {
        }
    }

    static class Base extends Thread {
    }

    static final class Grandchild extends Base {
        @Override
        public void run() {
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSubclassDeclaringRunIsACandidateAtAnyDepth() throws IOException {
        assertTrue(ClassFileScan.mayOverrideThreadRun(bytes(OwnRun.class)));
        assertTrue(ClassFileScan.mayOverrideThreadRun(bytes(Grandchild.class)));
    }

    @Test
    void classesWithoutTheirOwnRunOrExtendingObjectAreNot() throws IOException {
        assertFalse(ClassFileScan.mayOverrideThreadRun(bytes(InheritedRun.class)));
        assertFalse(ClassFileScan.mayOverrideThreadRun(bytes(PlainRunnable.class)));
        assertFalse(ClassFileScan.mayOverrideThreadRun(bytes(ClassFileScanTest.class)));
    }

    @Test
    void aTruncatedClassFileIsNotACandidate() throws IOException {
        byte[] whole = bytes(OwnRun.class);
        assertFalse(ClassFileScan.mayOverrideThreadRun(Arrays.copyOf(whole, whole.length / 2)));
    }
}
