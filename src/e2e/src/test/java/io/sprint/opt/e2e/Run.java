package io.sprint.opt.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A finished command: exit code and what it printed. */
record Run(int exit, String out, String err) {

    static Run of(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }

    /** {@code java -jar sprint-opt.jar ARGS} on {@code jdk}. */
    static Run cli(Jdk jdk, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.java(), "-jar", Artifacts.AGENT.toString()));
        command.addAll(List.of(args));
        return of(command);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
