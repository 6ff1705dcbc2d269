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

    /** The probes' class path: this module's test classes and the application's own Byte Buddy 1.12.19. */
    static String probeClassPath() {
        String testClasses = Path.of("target/test-classes").toAbsolutePath().toString();
        String byteBuddy = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("byte-buddy-1.12.19"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("byte-buddy 1.12.19 is not on the test class path"));
        return testClasses + File.pathSeparator + byteBuddy;
    }

    static String agentArg(String options) {
        return "-javaagent:" + AGENT + (options.isEmpty() ? "" : "=" + options);
    }
}
