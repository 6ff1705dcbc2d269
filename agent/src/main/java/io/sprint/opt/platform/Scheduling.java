package io.sprint.opt.platform;

/**
 * A thread's scheduling policy and real-time priority (0 for the non-real-time policies), as
 * {@code chrt -p} shows it.
 */
public record Scheduling(Policy policy, int priority) {
    /** Linux's policies, with their numbers (sched.h). */
    public enum Policy {
        OTHER(0), FIFO(1), RR(2), BATCH(3), IDLE(5), DEADLINE(6);

        private final int linux;

        Policy(int linux) {
            this.linux = linux;
        }

        public int linux() {
            return linux;
        }

        public boolean realTime() {
            return this == FIFO || this == RR;
        }

        public static Policy ofLinux(int number) {
            for (Policy policy : values()) {
                if (policy.linux == number) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("unknown scheduling policy " + number);
        }
    }

    public static final Scheduling NORMAL = new Scheduling(Policy.OTHER, 0);

    public Scheduling {
        if (policy.realTime() != (priority > 0)) {
            throw new IllegalArgumentException(policy + " with priority " + priority);
        }
    }

    public static Scheduling realTime(Policy policy, int priority) {
        return new Scheduling(policy, priority);
    }

    /** {@code SCHED_FIFO 10}, {@code SCHED_OTHER}. */
    @Override
    public String toString() {
        return "SCHED_" + policy + (policy.realTime() ? " " + priority : "");
    }
}
