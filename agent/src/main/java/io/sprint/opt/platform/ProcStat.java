package io.sprint.opt.platform;

/**
 * A line of {@code /proc/PID/stat} (or a thread's {@code task/TID/stat}), its fields numbered as
 * proc(5) numbers them. The name, field 2, is in parentheses and may itself hold spaces and
 * parentheses, so the fields after it are counted from its last closing parenthesis.
 */
public final class ProcStat {
    /** The unit of its times (utime, stime, starttime): USER_HZ, 100 on every architecture Linux runs on today. */
    public static final long TICKS_PER_SECOND = 100;

    private final String name;
    private final String[] afterName;

    private ProcStat(String name, String[] afterName) {
        this.name = name;
        this.afterName = afterName;
    }

    /** The line's fields, or null for a line with no name in parentheses. */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 > line.length()) {
            return null;
        }
        return new ProcStat(line.substring(open + 1, close), line.substring(close + 2).trim().split(" "));
    }

    /** Field 2: the command (or thread) name. */
    public String name() {
        return name;
    }

    /**
     * A numeric field from 3 on (14 utime, 15 stime, 22 starttime).
     *
     * @throws IllegalArgumentException when the line has no such number
     */
    public long number(int field) {
        int at = field - 3;
        if (at < 0 || at >= afterName.length) {
            throw new IllegalArgumentException("no field " + field + " in a stat line of " + (afterName.length + 2));
        }
        return Long.parseLong(afterName[at]);
    }
}
