package io.sprint.opt.platform;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * When a process started, in epoch milliseconds, to tell a process from a later one that got its
 * pid. On Linux the same number {@code ProcessHandle.Info.startInstant()} gives (the boot time of
 * /proc/stat plus the start of /proc/PID/stat, in clock ticks), read without ProcessHandle, whose
 * first use costs a cold JVM milliseconds of CPU (see {@link ProcessId}) where a level goes in
 * force. Being the same number, it names the same owner as a journal written either way.
 */
public final class ProcessStart {
    private static final boolean PROC = new File("/proc/self/stat").canRead();

    private ProcessStart() {
    }

    /** The start of {@code pid}, or -1 when no such process runs (or its start cannot be read). */
    public static long millis(long pid) {
        if (!PROC) {
            return fromProcessHandle(pid);
        }
        try {
            ProcStat stat = ProcStat.parse(read("/proc/" + pid + "/stat"));
            return stat == null || Boot.MILLIS < 0 ? -1
                    : Boot.MILLIS + stat.number(22) * 1000 / ProcStat.TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The host's boot time, read once per JVM as the JDK does. */
    private static final class Boot {
        static final long MILLIS = fromBtime();

        private static long fromBtime() {
            try {
                String stat = read("/proc/stat");
                int at = stat.indexOf("\nbtime ");
                if (at < 0) {
                    return -1;
                }
                int end = stat.indexOf('\n', at + 1);
                return Long.parseLong(stat.substring(at + "\nbtime ".length(), end < 0 ? stat.length() : end).trim())
                        * 1000;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static long fromProcessHandle(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return -1;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return start.isPresent() ? start.get().toEpochMilli() : -1;
    }
}
