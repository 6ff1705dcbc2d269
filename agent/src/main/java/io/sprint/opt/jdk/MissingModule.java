package io.sprint.opt.jdk;

/**
 * Explains a failure caused by a JDK class this Java runtime does not have: a jlinked runtime
 * leaves out whole modules, and the agent (with JNA and Micrometer in it) needs a few beyond
 * java.base. Without this, the user sees "Could not initialize class com.sun.jna.Native" and a
 * guess about the temp directory.
 */
public final class MissingModule {
    /** What the agent needs beyond java.base and java.instrument; jdk.jfr only for its JFR events. */
    private static final String NEEDED = "java.management, jdk.management and java.logging";

    private MissingModule() {
    }

    /**
     * The absent JDK class behind {@code failure} (its cause chain), as "java/util/logging/Level",
     * or null when the failure is something else.
     */
    public static String jdkClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                String name = String.valueOf(t.getMessage()).replace('.', '/');
                if (name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/")
                        || name.startsWith("com/sun/management/")) {
                    return name;
                }
            }
        }
        return null;
    }

    /** One line for the log: the absent class and the modules to add, or null (see {@link #jdkClass}). */
    public static String explain(Throwable failure) {
        String absent = jdkClass(failure);
        return absent == null ? null : "this Java runtime has no " + absent + " (a jlinked runtime without its"
                + " module? the agent needs " + NEEDED + ": jlink --add-modules)";
    }

    /** {@link #explain} where a module is missing, else the failure itself, for a log line. */
    public static String describe(Throwable failure) {
        String missing = explain(failure);
        return missing != null ? missing : failure.toString();
    }
}
