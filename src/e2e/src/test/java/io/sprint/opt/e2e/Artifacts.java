package io.sprint.opt.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Paths of what the suite runs: the agent jar, the test app, the probes and an application's Byte Buddy. */
final class Artifacts {
    static final Path AGENT = existing(System.getProperty("sprint.opt.jar", "../../agent/target/sprint-opt.jar"));
    static final Path APP = existing(System.getProperty("sprint.opt.app",
            "../../agent-test-app/target/agent-test-app.jar"));

    private Artifacts() {
    }

    private static Path existing(String path) {
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run mvn package at the repository root first");
        }
        return file;
    }

    /** The probes' class path: this module's test classes, and the application's own Byte Buddy and JNA. */
    static String probeClassPath() {
        return Path.of("target/test-classes").toAbsolutePath() + File.pathSeparator + testJar("byte-buddy-1.12.19")
                + File.pathSeparator + testJar("jna-5.13.0");
    }

    private static String testJar(String name) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not on the test class path"));
    }

    static String agentArg(String options) {
        return "-javaagent:" + AGENT + (options.isEmpty() ? "" : "=" + options);
    }
}
