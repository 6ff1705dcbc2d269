package io.sprint.opt.threads;

import io.sprint.opt.log.Log;

/**
 * The agent's own threads: daemons with a stack of their own size, so an application launched
 * with a tiny default stack ({@code -Xss136k}, as {@code flags turbo} recommends) cannot make the
 * agent's class loading and weaving overflow; whatever escapes their work is one log line.
 */
public final class AgentThreads {
    /** Byte Buddy's weaving and the JMX/JNA start-up nest deeply; 1 MB is HotSpot's usual default. */
    static final long STACK_BYTES = 4L << 20;

    private AgentThreads() {
    }

    /** Creates (does not start) a daemon thread named {@code name}. */
    public static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(null, work, name, STACK_BYTES);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(LogAndGoOn.INSTANCE);
        return thread;
    }

    /** A class, not a lambda: the first threads start while a cold JVM pays each lambda's first use. */
    private static final class LogAndGoOn implements Thread.UncaughtExceptionHandler {
        static final LogAndGoOn INSTANCE = new LogAndGoOn();

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            Log.error("%s stopped: %s; the application runs on", thread.getName(), e);
        }
    }
}
