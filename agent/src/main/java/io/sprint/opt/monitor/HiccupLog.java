package io.sprint.opt.monitor;

import io.sprint.opt.log.Log;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * {@code hiccup.log=PATH}: the hiccup meter's samples as jHiccup writes them, one interval
 * histogram every 5 s in HdrHistogram's log format (values in ns, max column in ms), which
 * HdrHistogram's {@code HistogramLogProcessor} and jHiccup's charts read. Fed as a sink of the
 * meter, on the monitor thread.
 */
public final class HiccupLog implements LongConsumer, AutoCloseable {
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private static final double NANOS_PER_MILLI = 1e6;

    private final Path path;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Recorder recorder = new Recorder(3);
    private final long startNanos = System.nanoTime();
    private long intervalStartNanos = startNanos;
    private Histogram recycled;

    private HiccupLog(Path path, PrintStream out) {
        this.path = path;
        this.out = out;
        this.writer = new HistogramLogWriter(out);
        long now = System.currentTimeMillis();
        writer.outputComment("sprint-opt hiccup log: how late the sampler woke, ns; intervals of 5 s");
        writer.outputLogFormatVersion();
        writer.outputStartTime(now);
        writer.setBaseTime(now);
        writer.outputBaseTime(now);
        writer.outputLegend();
        out.flush();
    }

    /** @throws FileNotFoundException when the file cannot be created or written */
    public static HiccupLog open(Path path) throws FileNotFoundException {
        return new HiccupLog(path, new PrintStream(path.toFile()));
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void accept(long lateNanos) {
        recorder.recordValue(lateNanos);
        long now = System.nanoTime();
        if (now - intervalStartNanos >= INTERVAL_NANOS) {
            write(now);
        }
    }

    private void write(long now) {
        Histogram interval = recorder.getIntervalHistogram(recycled);
        writer.outputIntervalHistogram((intervalStartNanos - startNanos) / 1e9, (now - startNanos) / 1e9, interval,
                NANOS_PER_MILLI);
        out.flush();
        if (out.checkError()) {
            Log.warn("hiccup log %s: write failed; the meter runs on", path);
        }
        recycled = interval;
        intervalStartNanos = now;
    }

    /** Writes what the current interval has, then closes the file. */
    @Override
    public synchronized void close() {
        write(System.nanoTime());
        out.close();
    }
}
