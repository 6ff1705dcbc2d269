package io.sprint.opt.testapp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The seed's application shape: transactions arrive ({@code tx-source}) at a fixed rate, mempool
 * managers ({@code mempool-N}) validate and keep them and seal blocks, the blockchain processor
 * ({@code blockchain-0}) chains the blocks, and network relay threads ({@code relay-N}) send every
 * transaction and block over a loopback TCP connection to a peer ({@code peer-N}), which records
 * each transaction's end-to-end latency in an HdrHistogram. A progress line every second; at the
 * end tx/s, latency percentiles, GC pauses, CPU use and memory, and one {@code result} line for
 * scripts. With {@code --warmup}, the run is that much longer and its first seconds are shown but
 * left out of the figures (the JIT's warm-up, and an agent applying its level after start-up).
 *
 * <pre>java -jar agent-test-app.jar [--duration 30s] [--warmup 0s] [--rate 20000] [--relays 2]
 *     [--mempools 1] [--payload 256] [--block-size 500] [--histogram FILE]</pre>
 */
public final class RelayApp {
    private static final int QUEUE_CAPACITY = 4096;

    private final AppOptions options;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Recorder latencies = new Recorder(3);
    private final LongAdder blocks = new LongAdder();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private RunFigures figures;

    private RelayApp(AppOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + AppOptions.USAGE);
            System.exit(2);
            return;
        }
        new RelayApp(options).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "relay app pid %d: %d tx/s, %d relays, %d mempools, %d-byte payloads, blocks of %d,"
                        + " for %s after %s of warm-up%n", ProcessHandle.current().pid(), options.rate(), options.relays(),
                options.mempools(), options.payloadBytes(), options.blockSize(), options.duration(), options.warmup());
        List<BlockingQueue<Message>> relayQueues = queues(options.relays());
        List<BlockingQueue<Message>> mempoolQueues = queues(options.mempools());
        BlockingQueue<Message> blockQueue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        try (ServerSocket server = new ServerSocket(0, options.relays(), InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < options.relays(); i++) {
                Socket out = connected(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                Socket in = connected(server.accept());
                start("peer-" + i, new Peer(in, latencies, blocks, running));
                start("relay-" + i, new NetworkRelay(relayQueues.get(i), out, running));
            }
        }
        BlockchainProcessor blockchain = new BlockchainProcessor(blockQueue, relayQueues, running);
        start("blockchain-0", blockchain);
        for (int i = 0; i < options.mempools(); i++) {
            start("mempool-" + i, new MempoolManager(mempoolQueues.get(i), relayQueues, blockQueue,
                    options.blockSize(), running));
        }
        TxSource source = new TxSource(mempoolQueues, options.rate(), options.payloadBytes());
        long measureFrom = System.nanoTime() + options.warmup().toNanos();
        long end = measureFrom + options.duration().toNanos();
        long[] sent = new long[1];
        Thread sourceThread = start("tx-source", () -> {
            try {
                sent[0] = source.run(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!options.warmup().isZero()) {
            progress(sourceThread, measureFrom, "warm-up ");
        }
        latencies.getIntervalHistogram(); // what the warm-up left behind
        figures = new RunFigures();
        Histogram total = progress(sourceThread, end, "");
        running.set(false);
        for (Thread thread : threads) {
            thread.join(1000);
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        total.add(latencies.getIntervalHistogram());
        report(total, sent[0], source.dropped(), blockchain.height(), figures);
    }

    /** Prints a line a second until {@code untilNanos} or the source ends; returns the latencies recorded. */
    private Histogram progress(Thread sourceThread, long untilNanos, String phase) throws InterruptedException {
        Histogram total = new Histogram(3);
        Histogram interval = null;
        int second = 0;
        long now;
        while (sourceThread.isAlive() && (now = System.nanoTime()) < untilNanos) {
            sourceThread.join(Math.max(1, Math.min(1000, (untilNanos - now) / 1_000_000)));
            interval = latencies.getIntervalHistogram(interval);
            total.add(interval);
            if (figures != null) {
                figures.sample();
            }
            second++;
            System.out.printf(Locale.ROOT, "  %s%3ds  %7d tx/s  latency us p50 %8.1f  p99 %8.1f  max %9.1f%n", phase,
                    second, interval.getTotalCount(), us(interval, 50), us(interval, 99), interval.getMaxValue() / 1e3);
        }
        return total;
    }

    private void report(Histogram total, long sent, long dropped, long height, RunFigures figures) throws IOException {
        double seconds = options.duration().toNanos() / 1e9;
        double txPerSecond = total.getTotalCount() / seconds;
        System.out.printf(Locale.ROOT, "relay app: %d sent (warm-up included), %d delivered in the measured %s, %d"
                        + " dropped, %.0f tx/s; latency us p50 %.1f p95 %.1f p99 %.1f p99.9 %.1f max %.1f%n", sent,
                total.getTotalCount(), options.duration(), dropped, txPerSecond,
                us(total, 50), us(total, 95), us(total, 99), us(total, 99.9), total.getMaxValue() / 1e3);
        System.out.printf(Locale.ROOT, "relay app: %d blocks chained, %d announcements received; %s%n", height,
                blocks.sum(), figures);
        System.out.printf(Locale.ROOT, "result tx_s=%.0f p50_us=%.1f p95_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f %s%n",
                txPerSecond, us(total, 50), us(total, 95), us(total, 99), us(total, 99.9), total.getMaxValue() / 1e3,
                figures.keyValues());
        if (options.histogramFile() != null) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(options.histogramFile())), true, "UTF-8")) {
                total.outputPercentileDistribution(out, 1000.0); // in microseconds
            }
        }
    }

    private static double us(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e3;
    }

    private static List<BlockingQueue<Message>> queues(int count) {
        List<BlockingQueue<Message>> queues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUE_CAPACITY));
        }
        return queues;
    }

    private Socket connected(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        sockets.add(socket);
        return socket;
    }

    private Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        threads.add(thread);
        return thread;
    }
}
