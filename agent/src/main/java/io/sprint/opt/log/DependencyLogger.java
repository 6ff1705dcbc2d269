package io.sprint.opt.log;

import java.text.MessageFormat;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * What JNA's and Micrometer's calls to {@code java.util.logging.Logger} reach: the build
 * relocates that class to this one in the agent's copies of them (see the shade step in
 * agent/pom.xml). A real JUL Logger initialises the JDK's LogManager, which fixes the
 * application's {@code java.util.logging.manager} for good; an application that picks its own
 * manager in main (JBoss Modules, WildFly) would then get the JDK's. With this class the agent
 * can load JNA the moment it starts. Their messages go to the agent's log: warnings and above as
 * warnings, the rest at debug. Only the methods their byte code calls exist here.
 */
public final class DependencyLogger {
    private final String name;

    private DependencyLogger(String name) {
        this.name = name;
    }

    public static DependencyLogger getLogger(String name) {
        return new DependencyLogger(name);
    }

    public String getName() {
        return name;
    }

    public boolean isLoggable(Level level) {
        return level.intValue() >= Level.WARNING.intValue() || Log.verbosity() == Log.Verbosity.DEBUG;
    }

    public void log(Level level, String message) {
        write(level, message, null);
    }

    public void log(Level level, String message, Object parameter) {
        log(level, message, new Object[] {parameter});
    }

    public void log(Level level, String message, Object[] parameters) {
        if (isLoggable(level)) {
            write(level, format(message, parameters), null);
        }
    }

    public void log(Level level, String message, Throwable thrown) {
        write(level, message, thrown);
    }

    public void log(LogRecord record) {
        write(record.getLevel(), format(record.getMessage(), record.getParameters()), record.getThrown());
    }

    private void write(Level level, String message, Throwable thrown) {
        if (!isLoggable(level)) {
            return;
        }
        String text = thrown == null ? message : message + ": " + thrown;
        if (level.intValue() >= Level.WARNING.intValue()) {
            Log.warn("%s: %s", name, text);
        } else {
            Log.debug("%s: %s", name, text);
        }
    }

    /** JUL's own rule: {0}-style parameters, and the text as it is when formatting fails. */
    private static String format(String message, Object[] parameters) {
        if (message == null || parameters == null || parameters.length == 0 || message.indexOf('{') < 0) {
            return message;
        }
        try {
            return MessageFormat.format(message, parameters);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }
}
