package io.sprint.opt.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows and macOS bindings as JNA sees them: registering a class checks every parameter
 * and return type against what direct mapping supports, and finds every function by name. Their
 * own DLLs and libSystem are not here, so they are registered against a stand-in library, built
 * here, that has a function of each name and nothing else; nothing is called. The classes are
 * never initialised (that would load the real libraries).
 */
class BindingSignaturesTest {
    private static final List<String> BINDINGS = List.of("io.sprint.opt.platform.windows.Kernel32",
            "io.sprint.opt.platform.windows.WinMM", "io.sprint.opt.platform.windows.Advapi32",
            "io.sprint.opt.platform.macos.Mach");

    @TempDir
    Path dir;

    @Test
    void jnaTakesEveryBindingOfTheOtherOses() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String binding : BINDINGS) {
            for (Method method : load(binding).getDeclaredMethods()) {
                if (Modifier.isNative(method.getModifiers())) {
                    names.add(method.getName());
                }
            }
        }
        StringBuilder source = new StringBuilder();
        names.forEach(name -> source.append("void ").append(name).append("(void) {}\n"));
        Files.writeString(dir.resolve("standin.c"), source);
        Path library = dir.resolve("libstandin.so");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", library.toString(),
                    dir.resolve("standin.c").toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(System.getenv("CI") != null, "no gcc here: " + e.getMessage());
            throw e;
        }
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gcc.waitFor(), out);

        NativeLibrary standIn = NativeLibrary.getInstance(library.toString());
        for (String binding : BINDINGS) {
            Native.register(load(binding), standIn); // throws for an unsupported type or a missing name
        }
        assertTrue(names.size() >= 25, names.toString());
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, BindingSignaturesTest.class.getClassLoader());
    }
}
