package io.sprint.opt.platform.linux;

import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.HostFile;
import io.sprint.opt.platform.OsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux's host-wide latency knobs: the CPU latency QoS request (/dev/cpu_dma_latency), each CPU's
 * resume latency limit (sysfs, Documentation/ABI/testing/sysfs-devices-power), and /proc/irq.
 * Plain files: no native call, so none of this needs JNA.
 */
final class LinuxHostWide {
    static final Path CPU_DMA_LATENCY = Path.of("/dev/cpu_dma_latency");

    private final LinuxHost host;
    /** The request this process holds open; the kernel drops it when the descriptor closes. */
    private FileChannel request;
    private long requested = -1;

    LinuxHostWide(LinuxHost host) {
        this.host = host;
    }

    private Path irqs() {
        return host.proc().resolve("irq");
    }

    private Path cpu(int cpu) {
        return host.sys().resolve("devices/system/cpu/cpu" + cpu);
    }

    /** What this host lacks of a host-wide capability, or null; null too for the others. */
    String missing(Capability capability) {
        switch (capability) {
            case IDLE_LIMIT:
                return Files.exists(CPU_DMA_LATENCY) ? null
                        : "a host-wide idle-state limit (no /dev/cpu_dma_latency: a kernel without CPU latency QoS)";
            case CPU_RESUME_LATENCY:
                return Files.exists(resumeFile(0)) ? null
                        : "a wake-up latency limit per CPU (no power/pm_qos_resume_latency_us for the CPUs)";
            case IRQ_AFFINITY:
                return Files.exists(irqs().resolve("default_smp_affinity")) ? null
                        : "interrupt affinity (no /proc/irq: a container or a kernel without it)";
            default:
                return null;
        }
    }

    /** Why this process may not write the capability's files, predicted with access(2), or null. */
    String denied(Capability capability) {
        switch (capability) {
            case IDLE_LIMIT:
                return deniedIf(CPU_DMA_LATENCY, CPU_DMA_LATENCY.toString());
            case CPU_RESUME_LATENCY:
                return deniedIf(resumeFile(0), host.sys().resolve("devices/system/cpu") + "/cpuN/power/pm_qos_resume_latency_us");
            case IRQ_AFFINITY:
                return deniedIf(irqs().resolve("default_smp_affinity"), irqs() + "/N/smp_affinity_list");
            default:
                return null;
        }
    }

    private static String deniedIf(Path probe, String files) {
        return !Files.exists(probe) || Files.isWritable(probe) ? null : files + " not writable by this process";
    }

    private Path resumeFile(int cpu) {
        return cpu(cpu).resolve("power/pm_qos_resume_latency_us");
    }

    synchronized long idleLimitMicros() throws OsException {
        try (FileChannel channel = FileChannel.open(CPU_DMA_LATENCY, StandardOpenOption.READ)) {
            ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            while (value.hasRemaining() && channel.read(value) > 0) {
                continue;
            }
            value.flip();
            return Integer.toUnsignedLong(value.getInt());
        } catch (IOException | RuntimeException e) {
            throw failed(CPU_DMA_LATENCY, e);
        }
    }

    /** The kernel takes a binary s32 per write on the open descriptor, replacing the last. */
    synchronized void requestIdleLimit(long micros) throws OsException {
        try {
            if (micros < 0) {
                if (request != null) {
                    request.close();
                }
                request = null;
                requested = -1;
                return;
            }
            if (request == null) {
                request = FileChannel.open(CPU_DMA_LATENCY, StandardOpenOption.WRITE);
            }
            ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            value.putInt((int) Math.min(micros, Integer.MAX_VALUE)).flip();
            request.write(value);
            requested = micros;
        } catch (IOException e) {
            throw failed(CPU_DMA_LATENCY, e);
        }
    }

    synchronized long idleLimitRequest() {
        return requested;
    }

    HostFile resumeLatency(int cpu) throws OsException {
        Path file = resumeFile(cpu);
        if (!Files.exists(file)) {
            throw OsException.unsupported("no " + file, "Linux");
        }
        return new HostFile(file, HostFile.Format.TEXT);
    }

    List<HostFile> irqAffinities() throws OsException {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(irqs())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (LinuxHost.isNumber(name) && Files.exists(entry.resolve("smp_affinity_list"))) {
                    numbers.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            throw failed(irqs(), e);
        }
        numbers.sort(null);
        List<HostFile> files = new ArrayList<>(numbers.size());
        for (int irq : numbers) {
            files.add(new HostFile(irqs().resolve(irq + "/smp_affinity_list"), HostFile.Format.CPU_LIST));
        }
        return files;
    }

    HostFile defaultIrqAffinity() {
        return new HostFile(irqs().resolve("default_smp_affinity"), HostFile.Format.CPU_MASK);
    }

    long irqBalancer() {
        return host.pidNamed("irqbalance");
    }

    private static OsException failed(Path file, Exception e) {
        boolean refused = e instanceof AccessDeniedException;
        return new OsException(file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                refused ? OsException.EACCES : 0);
    }
}
