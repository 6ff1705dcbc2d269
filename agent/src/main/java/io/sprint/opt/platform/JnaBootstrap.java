package io.sprint.opt.platform;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Initialises our JNA so that it loads its own native library, never one the application or the
 * system provides: an application may carry another JNA version, and a system may install
 * libjnidispatch in java.library.path. JNA decides from global system properties, so they are
 * set for the moment of its initialisation only, then put back.
 */
public final class JnaBootstrap {
    private static final String[][] OVERRIDES = {
        {"jna.nosys", "true"},
        {"jna.noclasspath", "false"},
        {"jna.nounpack", "false"},
        {"jna.boot.library.path", null},
        {"jna.boot.library.name", null},
        // JNA records where it loaded from in a global property; the application's JNA may have set it
        {"jnidispatch.path", null},
        // Set, NativeLibrary's initialisation skips building a search path for libraries named
        // without a path, which on Linux runs "ldconfig -p" in a child process. The agent names
        // none: Linux binds to the process itself, macOS and Windows to system libraries.
        {"jna.platform.library.path", ""},
    };

    private JnaBootstrap() {
    }

    public static synchronized void initialise() {
        String[] saved = new String[OVERRIDES.length];
        for (int i = 0; i < OVERRIDES.length; i++) {
            saved[i] = set(OVERRIDES[i][0], OVERRIDES[i][1]);
        }
        try {
            Native.getLastError(); // forces Native's static initialisation with the properties above
            Class.forName(NativeLibrary.class.getName(), true, JnaBootstrap.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new NoClassDefFoundError(e.getMessage());
        } finally {
            for (int i = 0; i < OVERRIDES.length; i++) {
                set(OVERRIDES[i][0], saved[i]);
            }
        }
    }

    private static String set(String key, String value) {
        return value == null ? System.clearProperty(key) : System.setProperty(key, value);
    }
}
