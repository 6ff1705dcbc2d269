package io.sprint.opt.platform;

/**
 * What an OS may offer the agent. Each OS layer says which it lacks altogether
 * ({@link Platform#missing}), which this process would be refused for want of privilege
 * ({@link Platform#denied}) and what grants it ({@link Platform#remedy}): the actions ask, they
 * never test which OS they run on.
 */
public enum Capability {
    /** A CPU mask per thread (sched_setaffinity, SetThreadAffinityMask). */
    THREAD_AFFINITY("thread affinity"),
    /** A real-time policy per thread (SCHED_FIFO/RR, TIME_CRITICAL, Mach time constraint). */
    THREAD_SCHEDULING("a real-time thread policy"),
    /** Timer slack per thread (Linux). */
    TIMER_SLACK("per-thread timer slack"),
    /** A timer resolution held for the whole process (Windows' timeBeginPeriod). */
    TIMER_PERIOD("a process-wide timer period"),
    /** Keeping the process's memory resident (mlockall, a hard minimum working set). */
    MEMORY_LOCK("locking all memory"),
    /** Advice that a range should get transparent huge pages (madvise). */
    HUGE_PAGES("huge-page advice"),
    /** A preferred NUMA node for the calling thread's memory (set_mempolicy). */
    MEMORY_POLICY("a preferred memory node per thread"),
    /** A limit on how deep the host's idle CPUs sleep (/dev/cpu_dma_latency). */
    IDLE_LIMIT("a host-wide idle-state limit"),
    /** A wake-up latency limit per CPU (power/pm_qos_resume_latency_us). */
    CPU_RESUME_LATENCY("a wake-up latency limit per CPU"),
    /** Moving the host's interrupts between CPUs (/proc/irq). */
    IRQ_AFFINITY("interrupt affinity");

    private final String what;

    Capability(String what) {
        this.what = what;
    }

    /** {@code thread affinity}: how messages name it. */
    public String what() {
        return what;
    }
}
