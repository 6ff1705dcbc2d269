package io.sprint.opt.testapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A relay-shaped workload: a source thread stamps messages, a ring of threads named
 * {@code relay-N} passes each along (allocating a little per hop, as a decoder would), and the
 * last hop records the end-to-end latency. Runs for {@code --duration} and prints its figures.
 *
 * <pre>java -jar agent-test-app.jar [--duration 30s] [--relays 2] [--rate 20000]</pre>
 */
public final class RelayApp {
    private static final int QUEUE_CAPACITY = 1024;

    private final int relays;
    private final int ratePerSecond;
    private final Duration duration;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LatencyRecorder latencies = new LatencyRecorder();

    RelayApp(int relays, int ratePerSecond, Duration duration) {
        this.relays = relays;
        this.ratePerSecond = ratePerSecond;
        this.duration = duration;
    }

    public static void main(String[] args) throws InterruptedException {
        Duration duration = Duration.ofSeconds(30);
        int relays = 2;
        int rate = 20_000;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--duration":
                    duration = parseDuration(value);
                    i++;
                    break;
                case "--relays":
                    relays = Integer.parseInt(value);
                    i++;
                    break;
                case "--rate":
                    rate = Integer.parseInt(value);
                    i++;
                    break;
                default:
                    System.err.println("usage: RelayApp [--duration 30s] [--relays 2] [--rate 20000]; not " + args[i]);
                    System.exit(2);
            }
        }
        new RelayApp(relays, rate, duration).run();
    }

    static Duration parseDuration(String text) {
        String unit = text.replaceAll("[0-9]", "");
        long amount = Long.parseLong(text.replaceAll("[^0-9]", ""));
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
            case "":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                throw new IllegalArgumentException("duration " + text + ": use 500ms, 30s, 5m or 1h");
        }
    }

    void run() throws InterruptedException {
        System.out.printf(Locale.ROOT, "relay app pid %d: %d relays, %d msg/s for %s%n",
                ProcessHandle.current().pid(), relays, ratePerSecond, duration);
        List<BlockingQueue<long[]>> queues = new ArrayList<>();
        for (int i = 0; i <= relays; i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUE_CAPACITY));
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < relays; i++) {
            BlockingQueue<long[]> in = queues.get(i);
            BlockingQueue<long[]> out = queues.get(i + 1);
            Thread relay = new Thread(() -> relay(in, out), "relay-" + i);
            relay.start();
            threads.add(relay);
        }
        Thread sink = new Thread(() -> sink(queues.get(relays)), "relay-sink");
        sink.start();
        threads.add(sink);
        long messages = source(queues.get(0));
        running.set(false);
        for (Thread thread : threads) {
            thread.join(1000);
        }
        System.out.println(latencies.report(messages, duration));
    }

    private long source(BlockingQueue<long[]> first) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / Math.max(1, ratePerSecond);
        long end = System.nanoTime() + duration.toNanos();
        long next = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now < next) {
                TimeUnit.NANOSECONDS.sleep(Math.min(next - now, 1_000_000));
                continue;
            }
            if (first.offer(new long[] {now, sent}, 10, TimeUnit.MILLISECONDS)) {
                sent++;
            }
            next += intervalNanos;
        }
        return sent;
    }

    private void relay(BlockingQueue<long[]> in, BlockingQueue<long[]> out) {
        try {
            while (running.get()) {
                long[] message = in.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    // a decoder's worth of garbage per hop, so the GC has work
                    long[] copy = Arrays.copyOf(message, message.length + 16);
                    out.put(Arrays.copyOf(copy, 2));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sink(BlockingQueue<long[]> last) {
        try {
            while (running.get()) {
                long[] message = last.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    latencies.record(System.nanoTime() - message[0]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
