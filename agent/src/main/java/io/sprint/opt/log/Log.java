package io.sprint.opt.log;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * The agent's logger: one line per event on stderr, prefixed {@code [sprint-opt]}.
 * Our own rather than java.util.logging because initialising JUL's LogManager from premain
 * breaks applications that choose their own manager later (java.util.logging.manager).
 */
public final class Log {
    /** quiet keeps warnings and errors; info adds what was changed; debug adds how. */
    public enum Verbosity { QUIET, INFO, DEBUG }

    private static volatile Verbosity verbosity = Verbosity.INFO;
    private static volatile PrintStream out = System.err;

    private Log() {
    }

    public static void setVerbosity(Verbosity value) {
        verbosity = value;
    }

    public static Verbosity verbosity() {
        return verbosity;
    }

    /** For tests and for the CLI, which reports on stdout itself. */
    public static void setOutput(PrintStream stream) {
        out = stream;
    }

    /** Debug lines carry the JVM's uptime, so that log=debug shows when each step happened. */
    public static void debug(String format, Object... args) {
        if (verbosity == Verbosity.DEBUG) {
            write("DEBUG @" + ManagementFactory.getRuntimeMXBean().getUptime() + "ms ", format, args);
        }
    }

    public static void info(String format, Object... args) {
        if (verbosity != Verbosity.QUIET) {
            write("", format, args);
        }
    }

    public static void warn(String format, Object... args) {
        write("WARN ", format, args);
    }

    public static void error(String format, Object... args) {
        write("ERROR ", format, args);
    }

    private static void write(String tag, String format, Object[] args) {
        out.println("[sprint-opt] " + tag + substitute(format, args));
    }

    /**
     * Replaces each {@code %s} or {@code %d} with the next argument. Not String.format: its
     * Formatter loads locale data on first use, ~10 ms of the agent's start-up.
     */
    static String substitute(String format, Object[] args) {
        StringBuilder text = new StringBuilder(format.length() + 32);
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && (format.charAt(i + 1) == 's' || format.charAt(i + 1) == 'd')
                    && next < args.length) {
                text.append(args[next++]);
                i++;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
