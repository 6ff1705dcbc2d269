package java.lang;

import java.util.function.ObjIntConsumer;

/**
 * sprint-opt's bridge from code woven into {@link Thread} to the agent. It is defined in
 * java.base at run time by the agent (never on the boot class path, which would turn class data
 * sharing off for the application), so woven code can name it from any class loader. It holds
 * only a JDK-typed handler: while it is null, the woven code does nothing.
 *
 * <p>Woven code calls only {@link #fire}: one static call, so the weaving adds no branch.
 */
public final class SprintOptThreadHook {
    /** A platform thread begins to run, on itself. */
    public static final int RUN = 1;
    /** A thread took a new name; called on the renaming thread. */
    public static final int RENAMED = 2;
    /** The calling thread is about to start the given thread. */
    public static final int STARTING = 3;
    /** The calling thread has started (or failed to start) the given thread. */
    public static final int STARTED = 4;
    /** A platform thread ends, on itself. */
    public static final int EXIT = 5;

    public static volatile ObjIntConsumer<Thread> handler;

    private SprintOptThreadHook() {
    }

    /** Hands an event to the handler, if any; nothing it throws reaches the application. */
    public static void fire(Thread thread, int event) {
        ObjIntConsumer<Thread> current = handler;
        if (current != null) {
            try {
                current.accept(thread, event);
            } catch (Throwable ignored) {
                // the agent's failure is never the application's
            }
        }
    }
}
