package io.sprint.opt.pin;

/**
 * One row of the {@code PinnedThreads} attribute.
 *
 * @param tid the native thread id ({@code taskset -pc TID}, {@code chrt -p TID})
 * @param cpu the dedicated CPU, -1 when none is dedicated
 * @param policy the scheduling policy as read back from the OS
 */
public record PinnedThreadRow(String name, long tid, int cpu, String policy) {
}
