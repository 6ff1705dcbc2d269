package io.sprint.opt.platform;

import io.sprint.opt.config.CpuList;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One kernel file that holds a setting of the whole host ({@code /proc/irq/N/smp_affinity_list},
 * a CPU's {@code power/pm_qos_resume_latency_us}). It outlives the JVM, so what is written here is
 * journaled first and put back by whoever comes next if the JVM dies.
 *
 * <p>A CPU set is shared: other JVMs of the host take their own dedicated CPUs out of the same
 * interrupt. So a JVM only ever takes out and puts back <em>its</em> CPUs ({@code ours}), leaving
 * the rest of the set as it finds it; restores then come out right in any order.
 *
 * @param format how the file writes its value
 */
public record HostFile(Path path, Format format) {
    /** How a file writes its value. */
    public enum Format {
        /** A word, written back as it was read: {@code 0}, {@code n/a}. */
        TEXT,
        /** A cpulist: {@code 0-3,8}. */
        CPU_LIST,
        /** A hex CPU mask: {@code ff,ffffffff}. */
        CPU_MASK
    }

    /**
     * In one read: a /proc file may give nothing at a non-zero offset, so no size-first read. A
     * plain file stream: an NIO channel doubles the cost of a small read, and shielding reads
     * every interrupt's file three times while the level goes in force.
     */
    public String read() throws IOException {
        try (InputStream in = new FileInputStream(path.toFile())) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
    }

    /**
     * Writes {@code value} in one write(2), as echo does: a kernel file parses each write whole.
     *
     * @throws IOException with the kernel's refusal, such as EIO for an interrupt it cannot move
     */
    public void write(String value) throws IOException {
        Files.write(path, (value + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A value of this file's format as CPUs (a cpulist or a mask). */
    public CpuList cpus(String value) {
        return format == Format.CPU_MASK ? CpuList.parseMask(value) : CpuList.parseOrNone(value);
    }

    /** CPUs as this file writes them: a cpulist, or a mask. */
    public String text(CpuList cpus) {
        return format == Format.CPU_MASK ? cpus.toMask() : cpus.toString();
    }

    /**
     * Brings the file to {@code value}. A text file is written as is. A CPU set changes only in
     * {@code ours}: those of {@code ours} in {@code value} are put in, the others of {@code ours}
     * taken out, everyone else's CPUs left as they are now; when nothing would be left,
     * {@code instead} (an interrupt must go somewhere).
     */
    public void set(String value, CpuList ours, CpuList instead) throws IOException {
        if (format == Format.TEXT) {
            write(value);
            return;
        }
        CpuList now = cpus(read());
        CpuList next = now.minus(ours).union(cpus(value).intersect(ours));
        if (next.isEmpty()) {
            next = instead;
        }
        if (!next.equals(now)) {
            write(text(next));
        }
    }

    /**
     * Puts back what {@link #set} changed: {@code ours} as {@code original} had them, and the
     * CPUs it had to add instead ({@code added}) taken away again, everyone else's CPUs left as
     * they are now. A text file gets {@code original}.
     */
    public void putBack(String original, CpuList ours, CpuList added) throws IOException {
        if (format == Format.TEXT) {
            write(original);
            return;
        }
        CpuList now = cpus(read());
        CpuList next = now.minus(ours).minus(added).union(cpus(original).intersect(ours.union(added)));
        if (!next.isEmpty() && !next.equals(now)) {
            write(text(next));
        }
    }

    /** Whether {@code read} counts as {@code written}: the same text, or the same of {@code ours}. */
    public boolean same(String read, String written, CpuList ours) {
        if (format == Format.TEXT) {
            return read.equals(written);
        }
        return cpus(read).intersect(ours).equals(cpus(written).intersect(ours));
    }

    /**
     * The kernel's "not this one", from a process that may write the file: EPERM for an interrupt
     * whose affinity the kernel manages itself (multi-queue devices), EIO for one it cannot move,
     * EINVAL for a value it does not take for this one.
     */
    public static boolean refusedByKernel(IOException e) {
        String message = e.getMessage();
        return message != null && (message.contains("Operation not permitted")
                || message.contains("Input/output error") || message.contains("Invalid argument"));
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
