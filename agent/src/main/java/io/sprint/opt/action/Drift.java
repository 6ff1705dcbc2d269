package io.sprint.opt.action;

/**
 * A setting that no longer reads what the agent applied: someone ran {@code taskset}, {@code chrt}
 * or {@code jcmd VM.set_flag}, or a daemon moved an interrupt back.
 *
 * @param setting the setting's key, as the action records name it ({@code MaxHeapFreeRatio})
 * @param applied the value the agent applied
 * @param now the value read now
 * @param thread the thread's name for a per-thread setting, else ""
 * @param tid the thread's id for a per-thread setting, else 0
 */
public record Drift(String setting, String applied, String now, String thread, long tid) {
    public static Drift of(String setting, String applied, String now) {
        return new Drift(setting, applied, now, "", 0);
    }

    /** One line: {@code MaxHeapFreeRatio: applied 9, now 70}, with {@code thread relay-1 (4242)} for a thread. */
    @Override
    public String toString() {
        return setting + (tid == 0 ? "" : " of thread " + thread + " (" + tid + ")") + ": applied " + applied + ", now "
                + now;
    }
}
