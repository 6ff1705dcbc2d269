package io.sprint.opt.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.SprintOptThreadHook;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weaves real class files, defines them, and runs them: the JVM verifies the woven bytes (classes
 * of this loader are verified), and the hook's events arrive through the real bridge, defined in
 * java.base as the agent does it.
 */
class ThreadWeaverTest {
    /** Starts with a loop, so that the original code has a stack map frame at its first instruction. */
    public static class Looping extends Thread {
        public volatile int turns;

        @Override
        public void run() {
            for (int i = 0; i < 3; i++) {
                turns++;
            }
        }
    }

    public static class Base extends Thread {
    }

    public static final class Grandchild extends Base {
        @Override
        public void run() {
        }
    }

    public static final class NotAThread implements Runnable {
        @Override
        public void run() {
        }
    }

    private final ThreadWeaver weaver = new ThreadWeaver();

    @BeforeAll
    static void defineTheBridge() throws Exception {
        ThreadHook.bridge(null);
    }

    @AfterEach
    void clearHandler() {
        SprintOptThreadHook.handler = null;
    }

    @Test
    void aWovenSubclassReportsRunOnItsOwnThreadAndStillRuns() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        SprintOptThreadHook.handler = (thread, event) -> events.add(event + " " + thread.getName() + " on "
                + Thread.currentThread().getName());
        Thread woven = (Thread) define(Looping.class).getConstructor().newInstance();
        woven.setName("relay-7");
        woven.start();
        woven.join();
        assertEquals(List.of(SprintOptThreadHook.RUN + " relay-7 on relay-7"), events);
        assertEquals(3, woven.getClass().getField("turns").getInt(woven));
    }

    @Test
    void aHandlerThatThrowsNeverReachesTheApplication() throws Exception {
        SprintOptThreadHook.handler = (thread, event) -> {
            throw new IllegalStateException("the agent's bug");
        };
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        Thread woven = (Thread) define(Looping.class).getConstructor().newInstance();
        woven.setUncaughtExceptionHandler((t, e) -> uncaught.set(e));
        woven.start();
        woven.join();
        assertNull(uncaught.get());
        assertEquals(3, woven.getClass().getField("turns").getInt(woven));
    }

    @Test
    void aSubclassOfASubclassIsFoundThroughClassFilesAndOtherClassesAreLeftAlone() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        assertNotNull(weaver.weave(loader, internal(Grandchild.class), bytes(Grandchild.class)));
        assertNull(weaver.weave(loader, internal(NotAThread.class), bytes(NotAThread.class)));
        assertTrue(ThreadWeaver.extendsThread(loader, "java/util/concurrent/ForkJoinWorkerThread"));
        assertFalse(ThreadWeaver.extendsThread(loader, "java/lang/Number"));
        assertFalse(ThreadWeaver.extendsThread(loader, "no/such/Type"));
    }

    /** Defines the woven copy in a loader of its own, which also verifies it. */
    private Class<?> define(Class<?> type) throws Exception {
        byte[] woven = weaver.weave(type.getClassLoader(), internal(type), bytes(type));
        assertNotNull(woven, type + " was not woven");
        ClassLoader parent = getClass().getClassLoader();
        ClassLoader own = new ClassLoader("woven", parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(type.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> done = findLoadedClass(name);
                        return done != null ? done : defineClass(name, woven, 0, woven.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return Class.forName(type.getName(), true, own);
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(internal(type) + ".class")) {
            return in.readAllBytes();
        }
    }
}
