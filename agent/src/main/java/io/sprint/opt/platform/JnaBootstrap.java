package io.sprint.opt.platform;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.sprint.opt.log.Log;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Initialises our JNA so that it loads its own native library, never one the application or the
 * system provides: an application may carry another JNA version, and a system may install
 * libjnidispatch in java.library.path. JNA decides from global system properties, so they are
 * set for the moment of its initialisation only, then put back.
 *
 * <p>Global properties are seen by the application's own JNA too, should it initialise in that
 * moment. While the application may run, only settings that steer any JNA to its own jar are made
 * (no system library). Before the application runs (premain, before main), two more that would
 * break another JNA but save a cold start tens of ms: the agent unpacks JNA's native library
 * itself, into a new directory removed once loaded (JNA's own unpacking initialises SecureRandom
 * and reads the jar through a URL), and NativeLibrary is told its platform search path so that it
 * does not run "ldconfig -p" in a child process to build one (the agent names no library it needs
 * searched: Linux calls the C library already in the process).
 */
public final class JnaBootstrap {
    private static final String BOOT_PATH = "jna.boot.library.path";
    private static final String PLATFORM_PATH = "jna.platform.library.path";
    /** Harmless to any other JNA: they steer it to its own jar (null clears a property). */
    private static final String[][] STEERING = {
        {"jna.nosys", "true"},
        {"jna.noclasspath", "false"},
        {"jna.nounpack", "false"},
        {BOOT_PATH, null},
        {"jna.boot.library.name", null},
        // JNA records where it loaded from in a global property; the application's JNA may have set it
        {"jnidispatch.path", null},
    };
    private static boolean initialised;

    private JnaBootstrap() {
    }

    /**
     * @param beforeApplication true only in premain, before main: no application code can read
     *                          the global properties meanwhile
     */
    public static synchronized void initialise(boolean beforeApplication) {
        if (initialised) {
            return;
        }
        Path unpacked = beforeApplication ? unpack() : null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String[] steering : STEERING) {
            overrides.put(steering[0], steering[1]);
        }
        if (beforeApplication) {
            overrides.put(PLATFORM_PATH, ""); // no ldconfig
            if (unpacked != null) {
                overrides.put(BOOT_PATH, unpacked.getParent().toString());
            }
        }
        Map<String, String> saved = new LinkedHashMap<>();
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            saved.put(override.getKey(), set(override.getKey(), override.getValue()));
        }
        try {
            Native.getLastError(); // forces Native's static initialisation with the properties above
            Class.forName(NativeLibrary.class.getName(), true, JnaBootstrap.class.getClassLoader());
            initialised = true;
        } catch (ClassNotFoundException e) {
            throw new NoClassDefFoundError(e.getMessage());
        } finally {
            for (Map.Entry<String, String> original : saved.entrySet()) {
                set(original.getKey(), original.getValue());
            }
            remove(unpacked);
        }
    }

    /** JNA's native library for this platform, copied where JNA's boot path finds it; null if it cannot be. */
    private static Path unpack() {
        String file = System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib");
        String resource = "com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + file;
        try (InputStream in = JnaBootstrap.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Path base = Path.of(System.getProperty("jna.tmpdir", System.getProperty("java.io.tmpdir")));
            // a new directory only the JVM's user can enter: nobody can swap the file before it loads
            Path dir = Files.createDirectory(base.resolve("sprint-opt-jna-" + ProcessId.current() + "-"
                    + System.nanoTime()), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path library = dir.resolve(file);
            try (OutputStream out = new FileOutputStream(library.toFile())) { // a plain stream: no NIO channel to set up
                in.transferTo(out);
            }
            return library;
        } catch (IOException | RuntimeException e) {
            Log.debug("JNA unpacks its native library itself: %s", e);
            return null;
        }
    }

    /** Loaded libraries stay mapped when their file is gone (Linux, macOS). */
    private static void remove(Path library) {
        if (library == null) {
            return;
        }
        try {
            Files.deleteIfExists(library);
            Files.deleteIfExists(library.getParent());
        } catch (IOException e) {
            Log.debug("could not remove %s: %s", library, e);
        }
    }

    private static String set(String key, String value) {
        return value == null ? System.clearProperty(key) : System.setProperty(key, value);
    }
}
