import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How soon a level is in force, seen from outside the JVM: launches the relay app with each
 * agent argument and times, from the launch (fork), the app's first line (main has started),
 * the agent's "level … applied" line, the moment /proc shows the app's relay-* threads (with no
 * agent: when the app itself gets there, the floor for pinning them), and the moment it shows
 * every one with a real-time policy on one CPU (read back every 2 ms). Then attaches to a running relay
 * app and times the attach command. Rounds are interleaved; prints medians. Asserts nothing.
 *
 * With {@code --baseline JAR} every agent launch and the attach also run with that jar (an
 * earlier build), interleaved in the same rounds: a comparison on the same machine at the same
 * moment.
 *
 * <p>Usage: java TimeToEffect.java JAVA AGENT_JAR APP_JAR ROUNDS [--markdown FILE] [--baseline JAR]
 */
public final class TimeToEffect {
    private static final long NOT_SEEN = -1;
    /** The relay app's relay threads, as launched here. */
    private static final int RELAYS = 2;

    /** @param jar the agent jar, null without agent */
    record Launch(String name, String jar, String agentArgs, boolean pins) {
    }

    record Times(long mainMs, long appliedMs, long startedMs, long pinnedMs) {
    }

    /** When /proc first showed every relay-* thread, and when it showed them all pinned (NOT_SEEN: never). */
    record RelayTimes(long startedMs, long pinnedMs) {
    }

    public static void main(String[] args) throws Exception {
        String java = args[0];
        String agent = args[1];
        String app = args[2];
        int rounds = Integer.parseInt(args[3]);
        String markdownFile = option(args, "--markdown");
        Path markdown = markdownFile == null ? null : Path.of(markdownFile);
        String baseline = option(args, "--baseline");
        List<Launch> launches = new ArrayList<>(List.of(new Launch("no agent", null, null, false)));
        for (String level : List.of("level=basic", "level=enterprise", "level=turbo,pin=relay-*",
                "level=turbo,pin=relay-*,strict=true")) {
            launches.add(new Launch(level, agent, level, level.contains("pin=")));
            if (baseline != null) {
                launches.add(new Launch(level + " (baseline)", baseline, level, level.contains("pin=")));
            }
        }
        Map<String, List<Times>> results = new LinkedHashMap<>();
        Map<String, List<Long>> attachMs = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Launch launch : launches) {
                Times times = launch(java, app, launch);
                results.computeIfAbsent(launch.name(), k -> new ArrayList<>()).add(times);
                System.out.printf(Locale.ROOT, "  round %d %-38s main %5s ms  applied %5s ms  relays %5s ms  pinned %5s ms%n",
                        round, launch.name(), shown(times.mainMs()), shown(times.appliedMs()), shown(times.startedMs()),
                        shown(times.pinnedMs()));
            }
            for (String jar : baseline == null ? List.of(agent) : List.of(agent, baseline)) {
                String name = "`attach PID level=turbo,pin=relay-*`" + (jar.equals(agent) ? "" : " (baseline)");
                long attach = attach(java, jar, app);
                attachMs.computeIfAbsent(name, k -> new ArrayList<>()).add(attach);
                System.out.printf(Locale.ROOT, "  round %d %s: %s ms%n", round, name, shown(attach));
            }
        }
        List<String> table = new ArrayList<>();
        table.add("| launch with | main() starts | level applied | relay-* threads started | every relay-* thread pinned |");
        table.add("|---|---|---|---|---|");
        long baseMain = median(results.get("no agent").stream().map(Times::mainMs).toList());
        for (Map.Entry<String, List<Times>> entry : results.entrySet()) {
            long main = median(entry.getValue().stream().map(Times::mainMs).toList());
            long applied = median(entry.getValue().stream().map(Times::appliedMs).toList());
            long started = median(entry.getValue().stream().map(Times::startedMs).toList());
            long pinned = median(entry.getValue().stream().map(Times::pinnedMs).toList());
            table.add(String.format(Locale.ROOT, "| `%s` | %s ms (%+d) | %s | %s | %s |", entry.getKey(), shown(main),
                    main - baseMain, applied == NOT_SEEN ? "—" : applied + " ms", started == NOT_SEEN ? "—" : started + " ms",
                    pinned == NOT_SEEN ? "—" : pinned + " ms"));
        }
        for (Map.Entry<String, List<Long>> attach : attachMs.entrySet()) {
            table.add(String.format(Locale.ROOT, "| %s (command's wall time) | — | %s ms | | |", attach.getKey(),
                    shown(median(attach.getValue()))));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "medians of %d rounds, ms from launch (fork):%n", rounds);
        table.forEach(System.out::println);
        if (markdown != null) {
            Files.write(markdown, table, StandardCharsets.UTF_8);
        }
    }

    /** The value after {@code name} in the arguments, or null. */
    private static String option(String[] args, String name) {
        for (int i = 4; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static Times launch(String java, String app, Launch launch) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        if (launch.jar() != null) {
            command.add("-javaagent:" + launch.jar() + "=" + launch.agentArgs());
        }
        command.addAll(List.of("-jar", app, "--duration", "3s", "--rate", "500", "--relays", String.valueOf(RELAYS)));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        long[] main = {NOT_SEEN};
        long[] applied = {NOT_SEEN};
        Thread out = drain(process.getInputStream(), line -> {
            if (main[0] == NOT_SEEN) {
                main[0] = millisSince(start);
            }
        });
        Thread err = drain(process.getErrorStream(), line -> {
            if (applied[0] == NOT_SEEN && line.startsWith("[sprint-opt] level ") && line.contains(" applied")) {
                applied[0] = millisSince(start);
            }
        });
        RelayTimes relays = awaitRelays(process, start, launch.pins());
        process.waitFor(30, TimeUnit.SECONDS);
        process.destroyForcibly();
        out.join(5000);
        err.join(5000);
        return new Times(main[0], applied[0], relays.startedMs(), relays.pinnedMs());
    }

    /** Attaches to a relay app that has run for two seconds; the command's wall time. */
    private static long attach(String java, String agent, String app) throws Exception {
        Process target = new ProcessBuilder(java, "-jar", app, "--duration", "20s", "--rate", "500")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(2000);
            long start = System.nanoTime();
            Process attach = new ProcessBuilder(java, "-jar", agent, "attach", String.valueOf(target.pid()),
                    "level=turbo,pin=relay-*").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean done = attach.waitFor(60, TimeUnit.SECONDS);
            long took = millisSince(start);
            return done && attach.exitValue() == 0 ? took : NOT_SEEN;
        } finally {
            // SIGTERM: the agent's exit puts back the host-wide settings turbo changed (kill -9 would leave them)
            target.destroy();
            if (!target.waitFor(10, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
    }

    /**
     * Polls /proc until the app's {@value #RELAYS} relay-* threads run and, when {@code pins}, until
     * every one has an RT policy and one CPU. Each thread's name is read once: the poll itself must
     * not compete with the JVM it times. Without the agent, the first time is the app's own: no
     * pinning can be seen before it.
     */
    private static RelayTimes awaitRelays(Process process, long start, boolean pins) throws InterruptedException {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        Map<Path, Boolean> relay = new HashMap<>();
        long started = NOT_SEEN;
        while (process.isAlive() && millisSince(start) < 20_000) {
            int relays = 0;
            int pinned = 0;
            try (Stream<Path> list = Files.list(tasks)) {
                for (Path task : (Iterable<Path>) list::iterator) {
                    Boolean isRelay = relay.get(task);
                    if (isRelay == null) {
                        String comm = read(task.resolve("comm")).strip();
                        isRelay = comm.startsWith("relay-");
                        if (!comm.equals("java")) { // a new thread is "java" until HotSpot names it
                            relay.put(task, isRelay);
                        }
                    }
                    if (isRelay) {
                        relays++;
                        if (pins && realTime(read(task.resolve("stat"))) && oneCpu(read(task.resolve("status")))) {
                            pinned++;
                        }
                    }
                }
            } catch (IOException e) {
                // a thread ended while being read: look again
            }
            if (started == NOT_SEEN && relays >= RELAYS) {
                started = millisSince(start);
            }
            if (started != NOT_SEEN && (!pins || pinned == relays)) {
                return new RelayTimes(started, pins ? millisSince(start) : NOT_SEEN);
            }
            Thread.sleep(2);
        }
        return new RelayTimes(started, NOT_SEEN);
    }

    /** Field 41 of /proc/TID/stat, counted after the parenthesised name: 1 FIFO, 2 RR. */
    private static boolean realTime(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String policy = fields[41 - 3];
        return policy.equals("1") || policy.equals("2");
    }

    private static boolean oneCpu(String status) {
        return status.lines().filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.substring(18).strip())
                .anyMatch(list -> list.matches("\\d+"));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static Thread drain(InputStream stream, Consumer<String> onLine) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (Arrays.stream(sorted).anyMatch(v -> v == NOT_SEEN)) {
            return NOT_SEEN;
        }
        return sorted.length == 0 ? NOT_SEEN : sorted[sorted.length / 2];
    }

    private static String shown(long millis) {
        return millis == NOT_SEEN ? "—" : String.valueOf(millis);
    }
}
