package io.sprint.opt.pin;

import java.lang.SprintOptThreadHook;
import java.util.function.ObjIntConsumer;
import net.bytebuddy.asm.Advice;

/**
 * The code woven into {@link Thread} (and into Thread subclasses that override {@code run()}).
 * Inlined into JDK classes, so it may name only types every class loader sees: the JDK and the
 * bridge {@link SprintOptThreadHook}. With no handler set it is one volatile read; a handler that
 * throws is suppressed, never seen by the application.
 */
final class ThreadAdvice {
    private ThreadAdvice() {
    }

    /** {@code run()}: the first code of a new platform thread, on that thread. */
    static final class Run {
        private Run() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread thread) {
            ObjIntConsumer<Thread> handler = SprintOptThreadHook.handler;
            if (handler != null) {
                handler.accept(thread, SprintOptThreadHook.RUN);
            }
        }
    }

    /** {@code setName(String)}. */
    static final class Rename {
        private Rename() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Thread thread) {
            ObjIntConsumer<Thread> handler = SprintOptThreadHook.handler;
            if (handler != null) {
                handler.accept(thread, SprintOptThreadHook.RENAMED);
            }
        }
    }

    /** {@code start()} (and JDK 21+'s {@code start(ThreadContainer)}), on the starting thread. */
    static final class Start {
        private Start() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread thread) {
            ObjIntConsumer<Thread> handler = SprintOptThreadHook.handler;
            if (handler != null) {
                handler.accept(thread, SprintOptThreadHook.STARTING);
            }
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Thread thread) {
            ObjIntConsumer<Thread> handler = SprintOptThreadHook.handler;
            if (handler != null) {
                handler.accept(thread, SprintOptThreadHook.STARTED);
            }
        }
    }

    /** {@code exit()}: HotSpot calls it on a platform thread as it ends. */
    static final class Exit {
        private Exit() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread thread) {
            ObjIntConsumer<Thread> handler = SprintOptThreadHook.handler;
            if (handler != null) {
                handler.accept(thread, SprintOptThreadHook.EXIT);
            }
        }
    }
}
