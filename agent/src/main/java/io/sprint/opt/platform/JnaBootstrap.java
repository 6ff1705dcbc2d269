package io.sprint.opt.platform;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.sprint.opt.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Initialises our JNA so that it loads its own native library, never one the application or the
 * system provides: an application may carry another JNA version, and a system may install
 * libjnidispatch in java.library.path. JNA decides from global system properties, so they are
 * set for the moment of its initialisation only, then put back.
 *
 * <p>The agent unpacks JNA's native library itself, into a directory of its own that it removes
 * once the library is loaded: JNA's own unpacking names its temporary file with SecureRandom
 * (initialising the security providers, some 35 ms of a cold JVM) and reads the jar through a
 * URL. Where that fails (no POSIX file permissions, a noexec directory), JNA unpacks as usual.
 */
public final class JnaBootstrap {
    private static final String BOOT_PATH = "jna.boot.library.path";
    private static final String[][] OVERRIDES = {
        {"jna.nosys", "true"},
        {"jna.noclasspath", "false"},
        {"jna.nounpack", "false"},
        {BOOT_PATH, null}, // the agent's unpacked copy, when there is one
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
        Path unpacked = unpack();
        String[] saved = new String[OVERRIDES.length];
        for (int i = 0; i < OVERRIDES.length; i++) {
            String value = OVERRIDES[i][0].equals(BOOT_PATH) && unpacked != null
                    ? unpacked.getParent().toString() : OVERRIDES[i][1];
            saved[i] = set(OVERRIDES[i][0], value);
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
            Path dir = Files.createDirectory(base.resolve("sprint-opt-jna-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime()), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path library = dir.resolve(file);
            Files.copy(in, library);
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
