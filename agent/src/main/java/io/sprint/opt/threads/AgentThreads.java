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
        thread.setUncaughtExceptionHandler((t, e) -> Log.error("%s stopped: %s; the application runs on", t.getName(), e));
        return thread;
    }
}
