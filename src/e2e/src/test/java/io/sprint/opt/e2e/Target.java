package io.sprint.opt.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A launched JVM with its stdout and stderr captured to files. Closing it kills it. */
final class Target implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private Target(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java} with the JDK's quiet flags (see {@link Jdk#quietFlags()}), then the given arguments. */
    static Target start(Jdk jdk, List<String> jvmArgs, List<String> main, Map<String, String> env) throws IOException {
        return start(List.of(), jdk, jvmArgs, main, env);
    }

    /**
     * The same behind {@code launcher}: a shell line that ends in {@code exec} (e.g. one that
     * drops privileges or joins a cgroup first), given the java command as {@code "$@"}.
     */
    static Target start(List<String> launcher, Jdk jdk, List<String> jvmArgs, List<String> main,
                        Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(jdk.java());
        command.addAll(jdk.quietFlags());
        command.addAll(jvmArgs);
        command.addAll(main);
        Path out = Files.createTempFile("target", ".out");
        Path err = Files.createTempFile("target", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("SPRINT_OPT_ENV");
        builder.environment().putAll(env);
        return new Target(builder.start(), out, err);
    }

    /** The relay test app for {@code seconds}, with {@code jvmArgs}; returns once it is running. */
    static Target relayApp(Jdk jdk, List<String> jvmArgs, int seconds) throws Exception {
        Target target = start(jdk, jvmArgs, List.of("-jar", Artifacts.APP.toString(), "--duration", seconds + "s",
                "--rate", "2000"), Map.of());
        target.awaitStdout("relay app pid", Duration.ofSeconds(20));
        return target;
    }

    /** Writes one line to the target's standard input. */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    long pid() {
        return process.pid();
    }

    String stdout() throws IOException {
        return Files.readString(out);
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }

    void awaitStdout(String needle, Duration timeout) throws Exception {
        await("stdout", this::stdout, needle, timeout);
    }

    void awaitStderr(String needle, Duration timeout) throws Exception {
        await("stderr", this::stderr, needle, timeout);
    }

    /**
     * Waits until the agent's log says {@code thread} is pinned: a line of its own ("pinned relay-0
     * (tid …") when it was pinned as it started, or the summary naming it when it was found running.
     */
    void awaitPinned(String thread, Duration timeout) throws Exception {
        Pattern line = pinnedLine(thread);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!line.matcher(stderr()).find()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError(thread + " not logged as pinned after " + timeout + "\nstderr: " + stderr());
            }
            Thread.sleep(20);
        }
    }

    static Pattern pinnedLine(String thread) {
        String name = Pattern.quote(thread);
        return Pattern.compile("(?m)^\\[sprint-opt\\] (pinned " + name + " \\(|pin: .* pinned \\(.*\\b"
                + name + "\\b)");
    }

    /** Output read so far, by name. */
    private interface Output {
        String read() throws IOException;
    }

    private void await(String stream, Output output, String needle, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.read().contains(needle)) {
            if (!process.isAlive() && !output.read().contains(needle)) {
                throw new AssertionError("target exited " + process.exitValue() + " before printing '" + needle
                        + "' on " + stream + "\nstdout: " + stdout() + "\nstderr: " + stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + needle + "' on " + stream + " after " + timeout + "\nstdout: "
                        + stdout() + "\nstderr: " + stderr());
            }
            Thread.sleep(20);
        }
    }

    /** kill -9, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    int waitFor(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("target still running after " + timeout + "\nstderr: " + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
