package io.sprint.opt.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A finished command: exit code and what it printed. */
record Run(int exit, String out, String err) {

    static Run of(List<String> command) throws IOException, InterruptedException {
        return of(new ProcessBuilder(command));
    }

    /** A command whose environment the caller has set. */
    static Run of(ProcessBuilder builder) throws IOException, InterruptedException {
        List<String> command = builder.command();
        Process process = builder.start();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }

    /**
     * {@code java -jar sprint-opt.jar ARGS} on the JDK running the tests, whatever the target's:
     * the Maven run on JDK 17 drives JDK 25 targets and the run on JDK 25 drives JDK 17 ones.
     */
    static Run cli(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", Artifacts.AGENT.toString()));
        command.addAll(List.of(args));
        return of(command);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
