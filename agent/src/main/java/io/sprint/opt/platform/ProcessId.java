package io.sprint.opt.platform;

import java.io.File;
import java.io.IOException;

/**
 * This JVM's process id, read where it is cheap. {@code ProcessHandle.current()} costs a cold JVM
 * 11-15 ms of CPU the first time (its class sets up the process reaper's machinery), and the
 * level's timer slack and JNA's start asked it while the level was going in force. On Linux,
 * /proc/self is this process in the /proc the agent reads its threads from.
 */
public final class ProcessId {
    private static final long CURRENT = read();

    private ProcessId() {
    }

    public static long current() {
        return CURRENT;
    }

    private static long read() {
        try {
            return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
        } catch (IOException | NumberFormatException | SecurityException e) {
            return ProcessHandle.current().pid(); // no /proc: macOS, Windows
        }
    }
}
