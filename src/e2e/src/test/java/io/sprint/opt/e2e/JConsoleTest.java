package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * JConsole, the tool the design names for inspection, for real: under Xvfb it connects to the relay
 * app by pid, and {@link JConsoleProbe} (a JConsole plugin) opens MBeans → io.sprint.opt →
 * Optimizer → Attributes as a user would, then reports what the table on screen shows and takes a
 * screenshot (kept as target/jconsole.png; docs/img/jconsole.png is one). Skipped without Xvfb
 * unless CI requires it ({@link Required}).
 */
class JConsoleTest {
    private static final Path XVFB = Path.of("/usr/bin/Xvfb");

    @Test
    void jconsoleShowsTheOptimizerMBeansAttributesOnScreen() throws Exception {
        Required.orSkip("xvfb", Files.isExecutable(XVFB), "no Xvfb (Debian package xvfb) to run JConsole in");
        Jdk jdk = Jdk.targets().get(0);
        Path out = Files.createTempDirectory("jconsole");
        Process xvfb = new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process jconsole = null;
        try (Target app = Target.relayApp(jdk, List.of(Artifacts.agentArg("level=enterprise,pin=relay-*")), 180)) {
            app.awaitStderr("level enterprise applied", Duration.ofSeconds(20));
            String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().trim();
            ProcessBuilder builder = new ProcessBuilder(jdk.home().resolve("bin/jconsole").toString(),
                    "-pluginpath", pluginJar(out).toString(), "-J-D" + JConsoleProbe.OUT + "=" + out,
                    Long.toString(app.pid()))
                    .redirectErrorStream(true).redirectOutput(out.resolve("jconsole.log").toFile());
            builder.environment().put("DISPLAY", display);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            jconsole = builder.start();

            Path report = out.resolve("report.txt");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(report) && jconsole.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(report), "JConsole wrote no report; its log: " + log(out));
            Map<String, String> shown = new HashMap<>();
            for (String line : Files.readAllLines(report)) {
                int eq = line.indexOf('=');
                shown.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
            }
            assertTrue(shown.containsKey("done"), "report: " + shown + "; log: " + log(out));
            // what the attribute table on screen says, and what JConsole's connection reads
            assertEquals("enterprise", shown.get("table.Level"), shown.toString());
            assertEquals("true", shown.get("table.Applied"), shown.toString());
            assertEquals("level=enterprise,pin=relay-*", shown.get("table.Options"), shown.toString());
            for (String attribute : List.of("Stats", "Actions", "PinnedThreads", "SystemInfo", "Drift")) {
                assertTrue(shown.containsKey("table." + attribute), attribute + " in " + shown.keySet());
            }
            assertEquals("enterprise", shown.get("connection.Level"));

            BufferedImage shot = ImageIO.read(out.resolve("jconsole.png").toFile());
            assertEquals(1100, shot.getWidth());
            assertEquals(700, shot.getHeight());
            Files.copy(out.resolve("jconsole.png"), Path.of("target/jconsole.png"), StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("JConsoleTest (%s, JDK %d): the attribute table on screen: %s; screenshot target/jconsole.png%n",
                    display, jdk.feature(), new java.util.TreeMap<>(shown));
        } finally {
            if (jconsole != null) {
                jconsole.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** JConsoleProbe's class in a jar with the service entry JConsole's -pluginpath looks for. */
    private static Path pluginJar(Path dir) throws IOException, URISyntaxException {
        String name = JConsoleProbe.class.getName().replace('.', '/') + ".class";
        Path classes = Path.of(JConsoleProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("jconsole-probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/com.sun.tools.jconsole.JConsolePlugin"));
            out.write((JConsoleProbe.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry(name));
            Files.copy(classes.resolve(name), out);
            out.closeEntry();
        }
        return jar;
    }

    private static String log(Path out) throws IOException {
        Path log = out.resolve("jconsole.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }
}
