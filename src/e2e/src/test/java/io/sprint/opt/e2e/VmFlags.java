package io.sprint.opt.e2e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags of a running JVM, as {@code jcmd PID VM.flags -all} prints them: read from outside. */
final class VmFlags {
    // "     uintx MaxHeapFreeRatio                         = 70                                  {manageable} {default}"
    private static final Pattern LINE = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s*(.*)$", Pattern.MULTILINE);

    private VmFlags() {
    }

    /** Every flag and its value. */
    static Map<String, String> read(Jdk jdk, long pid) throws Exception {
        return parse(jdk, pid, false);
    }

    /**
     * The manageable flags: all that anyone, the agent included, can change in a running JVM.
     * (Others move by themselves: JDK 25's C2 raises LoopMaxUnroll while the JVM runs.)
     */
    static Map<String, String> manageable(Jdk jdk, long pid) throws Exception {
        return parse(jdk, pid, true);
    }

    private static Map<String, String> parse(Jdk jdk, long pid, boolean manageableOnly) throws Exception {
        Run run = Run.of(List.of(jdk.jcmd(), Long.toString(pid), "VM.flags", "-all"));
        if (run.exit() != 0) {
            throw new AssertionError("jcmd failed: " + run);
        }
        Map<String, String> flags = new TreeMap<>();
        Matcher matcher = LINE.matcher(run.out());
        while (matcher.find()) {
            String rest = matcher.group(2);
            if (manageableOnly && !rest.contains("{manageable}")) {
                continue;
            }
            String value = rest.startsWith("{") ? "" : rest.split("\\s+")[0];
            flags.put(matcher.group(1), value);
        }
        if (!flags.containsKey("MaxHeapFreeRatio")) {
            throw new AssertionError("unexpected jcmd output: " + run);
        }
        return flags;
    }
}
