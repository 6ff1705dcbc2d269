package io.sprint.opt.platform;

import io.sprint.opt.log.Log;
import io.sprint.opt.platform.linux.LinuxPlatform;
import io.sprint.opt.platform.macos.MacPlatform;
import io.sprint.opt.platform.windows.WindowsPlatform;

/**
 * Picks the OS layer once, at first use. JNA is initialised here, and only here: it creates a
 * java.util.logging Logger, so callers reach this only where initialising JUL is safe.
 */
public final class Platforms {
    private static volatile Platform current;

    private Platforms() {
    }

    public static Platform current() {
        Platform platform = current;
        if (platform == null) {
            synchronized (Platforms.class) {
                platform = current;
                if (platform == null) {
                    platform = choose();
                    current = platform;
                    Log.debug("OS layer: %s", platform.name());
                }
            }
        }
        return platform;
    }

    private static Platform choose() {
        String os = System.getProperty("os.name", "");
        boolean linux = os.startsWith("Linux");
        boolean mac = os.startsWith("Mac");
        if (!linux && !mac && !os.startsWith("Windows")) {
            return UnsupportedPlatform.unavailable("no OS layer for " + os);
        }
        try {
            JnaBootstrap.initialise();
        } catch (LinkageError | RuntimeException e) {
            return UnsupportedPlatform.unavailable("JNA could not load its native library: " + e.getMessage()
                    + " (a noexec temp directory? set -Djna.tmpdir to an executable one)");
        }
        try {
            return linux ? new LinuxPlatform() : mac ? new MacPlatform() : new WindowsPlatform();
        } catch (LinkageError | RuntimeException | OsException e) {
            return UnsupportedPlatform.unavailable("the " + os + " OS layer could not bind its system calls: " + e);
        }
    }
}
