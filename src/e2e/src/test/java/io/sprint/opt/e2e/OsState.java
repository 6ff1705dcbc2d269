package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A process's OS state read from outside, the way an operator would: taskset, /proc. */
final class OsState {
    private OsState() {
    }

    static List<Long> threads(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(t -> Long.parseLong(t.getFileName().toString())).sorted().collect(Collectors.toList());
        }
    }

    /** Each thread's CPU list as {@code taskset -pc TID} prints it ("pid 42's current affinity list: 1"). */
    static Map<Long, String> affinity(long pid) throws Exception {
        Map<Long, String> masks = new TreeMap<>();
        for (long tid : threads(pid)) {
            Run run = Run.of(List.of("taskset", "-pc", Long.toString(tid)));
            if (run.exit() == 0) {
                masks.put(tid, run.out().substring(run.out().lastIndexOf(':') + 1).trim());
            }
        }
        return masks;
    }

    /**
     * Each thread's Cpus_allowed_list and name straight from /proc/PID/task/TID/status (one taskset
     * per thread is too slow for thousands): name → CPU list, for threads still alive.
     */
    static Map<Long, String[]> namesAndCpus(long pid) throws IOException {
        Map<Long, String[]> threads = new TreeMap<>();
        for (long tid : threads(pid)) {
            try {
                String name = null;
                String cpus = null;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid),
                        "status"))) {
                    if (line.startsWith("Name:")) {
                        name = line.substring(5).trim();
                    } else if (line.startsWith("Cpus_allowed_list:")) {
                        cpus = line.substring("Cpus_allowed_list:".length()).trim();
                    }
                }
                threads.put(tid, new String[] {name, cpus});
            } catch (NoSuchFileException e) {
                // ended meanwhile
            }
        }
        return threads;
    }

    /**
     * A thread's policy as {@code chrt -p TID} prints it: "SCHED_FIFO 10", "SCHED_OTHER 0"; null
     * when the thread has ended.
     */
    static String policy(long tid) throws Exception {
        Run run = Run.of(List.of("chrt", "-p", Long.toString(tid)));
        if (run.exit() != 0) {
            if (!Files.exists(Path.of("/proc", Long.toString(tid)))) {
                return null;
            }
            throw new AssertionError(run.toString());
        }
        String[] lines = run.out().trim().split("\n");
        String policy = lines[0].substring(lines[0].lastIndexOf(':') + 1).trim().replace("|SCHED_RESET_ON_FORK", "");
        String priority = lines[1].substring(lines[1].lastIndexOf(':') + 1).trim();
        return policy + " " + priority;
    }

    /** Native thread ids by name (/proc/PID/task/TID/comm: the JVM's names, cut to 15 characters). */
    static Map<String, Long> threadsByName(long pid) throws IOException {
        Map<String, Long> byName = new TreeMap<>();
        for (long tid : threads(pid)) {
            try {
                byName.put(Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "comm"))
                        .trim(), tid);
            } catch (NoSuchFileException e) {
                // ended meanwhile
            }
        }
        return byName;
    }

    /** Each thread's /proc/TID/timerslack_ns (reading another process's needs root or CAP_SYS_NICE). */
    static Map<Long, Long> timerSlack(long pid) throws IOException {
        Map<Long, Long> slack = new TreeMap<>();
        for (long tid : threads(pid)) {
            try {
                slack.put(tid, Long.parseLong(Files.readString(Path.of("/proc", Long.toString(tid), "timerslack_ns"))
                        .trim()));
            } catch (NoSuchFileException e) {
                // the thread ended meanwhile
            }
        }
        return slack;
    }

    /**
     * Every thread's CPUs and timer slack as read before the agent changed them; threads started
     * since get what the main thread had.
     */
    static void assertBackAsBefore(long pid, Map<Long, String> masksBefore, Map<Long, Long> slackBefore) throws Exception {
        Map<Long, String> masksAfter = affinity(pid);
        Map<Long, Long> slackAfter = timerSlack(pid);
        for (long tid : masksAfter.keySet()) {
            assertEquals(masksBefore.getOrDefault(tid, masksBefore.get(pid)),
                    masksAfter.get(tid), "thread " + tid);
            assertEquals(slackBefore.getOrDefault(tid, slackBefore.get(pid)),
                    slackAfter.get(tid), "thread " + tid);
        }
    }

    /** Cpus_allowed_list of /proc/PID/status. */
    static String cpuList(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring("Cpus_allowed_list:".length()).trim();
            }
        }
        throw new AssertionError("no Cpus_allowed_list for " + pid);
    }

    /** VmLck of /proc/PID/status, in kB. */
    static long lockedKilobytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmLck:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").trim());
            }
        }
        throw new AssertionError("no VmLck for " + pid);
    }

    /** rmdir of a cgroup, retried for up to 5 s: it succeeds once the processes in it have exited. */
    static void removeCgroup(Path dir) throws InterruptedException {
        for (int i = 0; i < 50 && Files.isDirectory(dir); i++) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
