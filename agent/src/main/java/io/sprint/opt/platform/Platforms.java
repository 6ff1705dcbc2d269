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
        if (os.startsWith("Mac")) {
            return new MacPlatform();
        }
        if (!os.startsWith("Linux") && !os.startsWith("Windows")) {
            return new UnsupportedPlatform("no OS layer for " + os);
        }
        try {
            JnaBootstrap.initialise();
            return os.startsWith("Linux") ? new LinuxPlatform() : new WindowsPlatform();
        } catch (LinkageError | RuntimeException e) {
            return new UnsupportedPlatform("JNA could not load its native library: " + e.getMessage()
                    + " (a noexec temp directory? set -Djna.tmpdir to an executable one)");
        }
    }
}
