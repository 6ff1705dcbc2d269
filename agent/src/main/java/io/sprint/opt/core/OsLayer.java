package io.sprint.opt.core;

import io.sprint.opt.jdk.MissingModule;
import io.sprint.opt.log.Log;
import io.sprint.opt.platform.Host;
import io.sprint.opt.platform.JnaBootstrap;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.PortableHost;
import io.sprint.opt.platform.UnsupportedPlatform;
import io.sprint.opt.platform.linux.LinuxHost;
import io.sprint.opt.platform.linux.LinuxPlatform;
import io.sprint.opt.platform.macos.MacPlatform;
import io.sprint.opt.platform.windows.WindowsPlatform;
import java.util.function.Supplier;

/**
 * Picks this OS's layer, once: its host facts (files only, at once) and its platform (native
 * calls, at first use). JNA is initialised here and only here (its java.util.logging calls are
 * relocated to the agent's log at build time, so this is safe at any moment).
 */
public final class OsLayer {
    private static final String OS = System.getProperty("os.name", "");
    private static final boolean LINUX = OS.startsWith("Linux");
    private static final boolean MAC = OS.startsWith("Mac");
    private static final boolean HAS_LAYER = LINUX || MAC || OS.startsWith("Windows");
    private static final Host HOST = LINUX ? new LinuxHost() : new PortableHost(OS);
    private static volatile Platform platform;
    /** {@link #platform()} for those that load it at first use: a class, not a method reference (see AgentRuntime). */
    static final Supplier<Platform> PLATFORM = new Supplier<>() {
        @Override
        public Platform get() {
            return platform();
        }
    };
    /** Why JNA's start before main failed: later attempts only say "Could not initialize class". */
    private static volatile Throwable jnaFailure;

    private OsLayer() {
    }

    public static Host host() {
        return HOST;
    }

    public static Platform platform() {
        Platform chosen = platform;
        if (chosen == null) {
            synchronized (OsLayer.class) {
                chosen = platform;
                if (chosen == null) {
                    chosen = choose();
                    platform = chosen;
                    Log.debug("OS layer: %s", chosen.name());
                }
            }
        }
        return chosen;
    }

    /**
     * Initialises JNA now, in premain before main, where the faster start that sets properties
     * another JNA would misread is safe (see {@link JnaBootstrap}). A failure is left for
     * {@link #platform()} to report.
     */
    public static void loadJnaBeforeApplication() {
        if (HAS_LAYER) {
            try {
                JnaBootstrap.initialise(true);
            } catch (LinkageError | RuntimeException e) {
                jnaFailure = e;
                Log.debug("JNA before main: %s", e);
            }
        }
    }

    private static Platform choose() {
        if (!HAS_LAYER) {
            return new UnsupportedPlatform("no OS layer for " + OS);
        }
        try {
            JnaBootstrap.initialise(false);
        } catch (LinkageError | RuntimeException e) {
            Throwable first = jnaFailure != null ? jnaFailure : e;
            String missing = MissingModule.explain(first);
            return failed(missing != null ? "JNA could not start: " + missing
                    : "JNA could not load its native library: " + e.getMessage()
                    + " (a noexec temp directory? set -Djna.tmpdir to an executable one)");
        }
        try {
            return LINUX ? new LinuxPlatform((LinuxHost) HOST) : MAC ? new MacPlatform() : new WindowsPlatform();
        } catch (LinkageError | RuntimeException | OsException e) {
            return failed("the " + OS + " OS layer could not bind its system calls: " + e);
        }
    }

    /**
     * An OS layer that failed to load, said once: each OS action then skips with the reason, which
     * is seen only at log=debug or in status, and a pinned thread's own warning comes only if it
     * was already running.
     */
    private static Platform failed(String reason) {
        Log.warn("OS layer not loaded, the level's OS fields are skipped: %s", reason);
        return new UnsupportedPlatform(reason);
    }
}
