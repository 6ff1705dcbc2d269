import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A scraper against /metrics while other clients misbehave, measured from outside:
 *   java src/bench/SlowClients.java PORT [SECONDS]
 * Phase "quiet": one scrape a second, nothing else. Phase "hostile": the same scraper while 200
 * connections each hold half a request head, one client sends a byte every 4 s, and each second
 * 50 clients scrape at once. Each scrape has 10 s to be answered (Prometheus' default timeout).
 * Prints, per phase, how many scrapes were answered and their latency (median, max), and for the
 * bursts how many of their requests were answered and their p99.
 */
public class SlowClients {
    private static final int TIMEOUT_MILLIS = 10_000;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        report("quiet", scrapes(port, seconds, null));
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                Socket socket = connect(port);
                socket.getOutputStream().write("GET /metr".getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            } catch (IOException e) {
                break; // the server's backlog is full: what is open is the load
            }
        }
        Thread trickle = new Thread(() -> trickle(port));
        trickle.setDaemon(true);
        trickle.start();
        ExecutorService burst = Executors.newFixedThreadPool(50);
        List<Long> burstMillis = new ArrayList<>();
        int[] burstAsked = new int[1];
        report("hostile (" + slow.size() + " slow connections, a byte-every-4-s client, bursts of 50)",
                scrapes(port, seconds, () -> {
                    List<Future<Long>> clients = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        clients.add(burst.submit(() -> scrape(port)));
                    }
                    burstAsked[0] += clients.size();
                    return clients;
                }, burstMillis));
        burst.shutdownNow();
        trickle.interrupt();
        for (Socket socket : slow) {
            socket.close();
        }
        long[] sorted = burstMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  bursts: %d of %d answered, p99 %s ms%n", sorted.length, burstAsked[0],
                sorted.length == 0 ? "-" : Long.toString(sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))]));
    }

    /** What runs beside each scrape and the futures of its clients. */
    interface Beside {
        List<Future<Long>> start();
    }

    private static long[] scrapes(int port, int seconds, Beside beside) throws Exception {
        return scrapes(port, seconds, beside, new ArrayList<>());
    }

    /** One scrape a second for {@code seconds}: each answered one's latency in ms, -1 for none. */
    private static long[] scrapes(int port, int seconds, Beside beside, List<Long> besideMillis) throws Exception {
        long[] millis = new long[seconds];
        for (int second = 0; second < seconds; second++) {
            long start = System.nanoTime();
            List<Future<Long>> others = beside == null ? List.of() : beside.start();
            millis[second] = scrape(port);
            for (Future<Long> other : others) {
                try {
                    long m = other.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    if (m >= 0) {
                        besideMillis.add(m);
                    }
                } catch (Exception e) {
                    // not answered in time: counted as missing
                }
            }
            Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - start) / 1_000_000));
        }
        return millis;
    }

    /** GET /metrics: ms until the whole response arrived, or -1 when it did not within the timeout. */
    private static long scrape(int port) {
        long start = System.nanoTime();
        try (Socket socket = connect(port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            int total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
            return total > 0 ? (System.nanoTime() - start) / 1_000_000 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Connected within 2 s, or an IOException: a server whose backlog is full leaves SYNs unanswered. */
    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void trickle(int port) {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            for (byte b : "GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1)) {
                out.write(b);
                Thread.sleep(4000);
            }
        } catch (IOException | InterruptedException e) {
            // cut off by the server, or done
        }
    }

    private static void report(String phase, long[] millis) {
        long[] answered = Arrays.stream(millis).filter(m -> m >= 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %s: scrapes answered %d of %d, median %s ms, max %s ms%n", phase,
                answered.length, millis.length, answered.length == 0 ? "-" : Long.toString(answered[answered.length / 2]),
                answered.length == 0 ? "-" : Long.toString(answered[answered.length - 1]));
    }
}
