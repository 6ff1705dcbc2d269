package io.sprint.opt.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Windows layer cannot run here, but its bindings can be held against Windows' own export
 * lists: every native method must be a function its DLL exports, with as many arguments. The
 * 32-bit MinGW import libraries (Debian's mingw-w64-i686-dev) name each stdcall function with
 * its argument bytes, {@code _SetThreadPriority@8}, and every argument the layer passes is 4
 * bytes there. Reflection only: the binding classes are never initialised (that would load the
 * DLL). Skipped where the import libraries are absent, except in CI, which installs them.
 */
class WindowsBindingsTest {
    private static final Path MINGW = Path.of("/usr/i686-w64-mingw32/lib");

    @Test
    void everyNativeMethodIsAnExportWithItsArity() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isRegularFile(MINGW.resolve("libkernel32.a")),
                "no MinGW import libraries: apt-get install mingw-w64-i686-dev");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<?> library : List.of(Kernel32.class, WinMM.class, Advapi32.class)) {
            Set<String> exports = exports(MINGW.resolve("lib" + library.getSimpleName().toLowerCase() + ".a"));
            for (Method method : library.getDeclaredMethods()) {
                if (Modifier.isNative(method.getModifiers())) {
                    String symbol = "_" + method.getName() + "@" + 4 * method.getParameterCount();
                    if (!exports.contains(symbol)) {
                        missing.add(library.getSimpleName() + "." + method.getName() + " (" + symbol + ")");
                    }
                    checked++;
                }
            }
        }
        assertEquals(List.of(), missing, "bound but not exported with that arity");
        assertTrue(checked >= 16, "only " + checked + " native methods found");
    }

    private static Set<String> exports(Path importLibrary) throws IOException, InterruptedException {
        Process nm = new ProcessBuilder("nm", "--defined-only", importLibrary.toString()).redirectErrorStream(true).start();
        String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, nm.waitFor(), out);
        Set<String> symbols = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && "T".equals(fields[1])) {
                symbols.add(fields[2]);
            }
        }
        return symbols;
    }
}
