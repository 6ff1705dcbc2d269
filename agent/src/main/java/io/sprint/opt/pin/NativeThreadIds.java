package io.sprint.opt.pin;

import io.sprint.opt.jdk.DiagnosticCommands;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;

/**
 * Native ids of threads that are already running, from HotSpot's own thread dump (the
 * Thread.print diagnostic command: {@code "relay-1" #23 ... nid=0x5f0b}; JDK 19+ prints
 * the nid in decimal). The only honest link between a Thread object and its OS thread when the
 * thread itself cannot be asked.
 */
final class NativeThreadIds {
    private static final Pattern HEADER = Pattern.compile("^\"(?:.*)\" #(\\d+) .*?\\bnid=(0x[0-9a-fA-F]+|\\d+)\\b");

    private NativeThreadIds() {
    }

    /** Java thread id ({@link Thread#getId()}) to native id, for every platform thread now. */
    static Map<Long, Long> snapshot() throws JMException {
        return parse(DiagnosticCommands.run("Thread.print"));
    }

    static Map<Long, Long> parse(String dump) {
        Map<Long, Long> ids = new HashMap<>();
        for (String line : dump.split("\n")) {
            if (!line.startsWith("\"")) {
                continue; // a stack frame or lock line: most of the dump, and the pattern is costly in a cold JVM
            }
            Matcher header = HEADER.matcher(line);
            if (header.find()) {
                String nid = header.group(2);
                ids.put(Long.parseLong(header.group(1)),
                        nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid));
            }
        }
        return ids;
    }
}
