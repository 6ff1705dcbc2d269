package io.sprint.opt.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host-wide files sprint-opt may change, read from outside as an operator would: every IRQ's
 * CPU list, the default for new IRQs, each CPU's resume latency limit.
 */
final class HostSettings {
    static final Path IRQ = Path.of("/proc/irq");
    static final Path JOURNALS = Path.of("/run/sprint-opt/journal");
    static final Path CPU_DMA_LATENCY = Path.of("/dev/cpu_dma_latency");

    private HostSettings() {
    }

    /** Every such file and its content, byte for byte. */
    static Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        for (Path file : files()) {
            files.put(file, read(file));
        }
        return files;
    }

    static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(IRQ)) {
            try (DirectoryStream<Path> irqs = Files.newDirectoryStream(IRQ)) {
                for (Path irq : irqs) {
                    if (Files.exists(irq.resolve("smp_affinity_list"))) {
                        files.add(irq.resolve("smp_affinity_list"));
                    }
                }
            }
            files.add(IRQ.resolve("default_smp_affinity"));
        }
        try (DirectoryStream<Path> cpus = Files.newDirectoryStream(Path.of("/sys/devices/system/cpu"), "cpu[0-9]*")) {
            for (Path cpu : cpus) {
                Path latency = cpu.resolve("power/pm_qos_resume_latency_us");
                if (Files.exists(latency)) {
                    files.add(latency);
                }
            }
        }
        return files;
    }

    /** In one read, as cat does. */
    static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** What differs from {@code before}: file → "before → now". */
    static Map<Path, String> changedSince(Map<Path, String> before) throws IOException {
        Map<Path, String> changed = new TreeMap<>();
        for (Map.Entry<Path, String> file : before.entrySet()) {
            String now = read(file.getKey());
            if (!now.equals(file.getValue())) {
                changed.put(file.getKey(), file.getValue().trim() + " → " + now.trim());
            }
        }
        return changed;
    }

    /** {@code od -An -tu4 /dev/cpu_dma_latency}: the host's idle-state limit now, µs. */
    static long idleLimit() throws Exception {
        Run od = Run.of(List.of("od", "-An", "-tu4", CPU_DMA_LATENCY.toString()));
        return Long.parseLong(od.out().trim());
    }

    static List<String> journals() throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(JOURNALS)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(JOURNALS)) {
                files.forEach(file -> names.add(file.getFileName().toString()));
            }
        }
        return names;
    }
}
