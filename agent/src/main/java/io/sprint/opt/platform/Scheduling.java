package io.sprint.opt.platform;

/**
 * A thread's scheduling policy and its priority, in the OS's own terms: Linux's policies as
 * {@code chrt -p} shows them (priority 1–99 for FIFO/RR, 0 otherwise), Windows' relative thread
 * priorities (GetThreadPriority), macOS's Mach thread policies (no priority).
 */
public record Scheduling(Policy policy, int priority) {
    /** Each OS's policies; the Linux ones carry their sched.h numbers. */
    public enum Policy {
        OTHER(0), FIFO(1), RR(2), BATCH(3), IDLE(5), DEADLINE(6),
        /** Windows, priority -15..6 relative to the process's priority class. */
        WINDOWS_PRIORITY(-1),
        /** Windows THREAD_PRIORITY_TIME_CRITICAL: the top of the class (15 outside the real-time class). */
        WINDOWS_TIME_CRITICAL(-1),
        /** macOS timesharing (THREAD_STANDARD_POLICY). */
        MACH_STANDARD(-1),
        /** macOS real-time (THREAD_TIME_CONSTRAINT_POLICY): a computation budget, no priority. */
        MACH_TIME_CONSTRAINT(-1);

        private final int linux;

        Policy(int linux) {
            this.linux = linux;
        }

        public int linux() {
            if (linux < 0) {
                throw new IllegalStateException(this + " is not a Linux policy");
            }
            return linux;
        }

        public boolean realTime() {
            return this == FIFO || this == RR || this == WINDOWS_TIME_CRITICAL || this == MACH_TIME_CONSTRAINT;
        }

        public static Policy ofLinux(int number) {
            for (Policy policy : values()) {
                if (policy.linux >= 0 && policy.linux == number) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("unknown scheduling policy " + number);
        }

        boolean accepts(int priority) {
            switch (this) {
                case FIFO:
                case RR:
                    return priority >= 1 && priority <= 99;
                case WINDOWS_PRIORITY:
                    return priority >= -15 && priority <= 6;
                case WINDOWS_TIME_CRITICAL:
                    return priority == WINDOWS_TIME_CRITICAL_PRIORITY;
                default:
                    return priority == 0;
            }
        }
    }

    public static final Scheduling NORMAL = new Scheduling(Policy.OTHER, 0);
    static final int WINDOWS_TIME_CRITICAL_PRIORITY = 15;

    public Scheduling {
        if (!policy.accepts(priority)) {
            throw new IllegalArgumentException(policy + " with priority " + priority);
        }
    }

    public static Scheduling realTime(Policy policy, int priority) {
        return new Scheduling(policy, priority);
    }

    /** A Windows thread priority as GetThreadPriority returns it. */
    public static Scheduling windows(int relativePriority) {
        return relativePriority == WINDOWS_TIME_CRITICAL_PRIORITY
                ? new Scheduling(Policy.WINDOWS_TIME_CRITICAL, relativePriority)
                : new Scheduling(Policy.WINDOWS_PRIORITY, relativePriority);
    }

    /**
     * Written out: a record's generated equals is bootstrapped through method handles the first
     * time, some 10 ms of a cold JVM, and pinning compares policies while the level goes in force.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Scheduling && ((Scheduling) o).policy == policy && ((Scheduling) o).priority == priority;
    }

    @Override
    public int hashCode() {
        return policy.hashCode() * 31 + priority;
    }

    /** {@code SCHED_FIFO 10}, {@code SCHED_OTHER}, {@code THREAD_PRIORITY_NORMAL}, {@code THREAD_TIME_CONSTRAINT_POLICY}. */
    @Override
    public String toString() {
        switch (policy) {
            case WINDOWS_PRIORITY:
                return windowsName(priority);
            case WINDOWS_TIME_CRITICAL:
                return "THREAD_PRIORITY_TIME_CRITICAL";
            case MACH_STANDARD:
                return "THREAD_STANDARD_POLICY";
            case MACH_TIME_CONSTRAINT:
                return "THREAD_TIME_CONSTRAINT_POLICY";
            default:
                return "SCHED_" + policy + (policy.realTime() ? " " + priority : "");
        }
    }

    private static String windowsName(int priority) {
        switch (priority) {
            case -15:
                return "THREAD_PRIORITY_IDLE";
            case -2:
                return "THREAD_PRIORITY_LOWEST";
            case -1:
                return "THREAD_PRIORITY_BELOW_NORMAL";
            case 0:
                return "THREAD_PRIORITY_NORMAL";
            case 1:
                return "THREAD_PRIORITY_ABOVE_NORMAL";
            case 2:
                return "THREAD_PRIORITY_HIGHEST";
            default:
                return "THREAD_PRIORITY " + priority;
        }
    }
}
