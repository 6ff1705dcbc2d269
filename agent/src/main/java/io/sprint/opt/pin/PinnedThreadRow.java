package io.sprint.opt.pin;

/**
 * One row of the {@code PinnedThreads} attribute.
 *
 * @param tid the native thread id ({@code taskset -pc TID}, {@code chrt -p TID})
 * @param cpu the dedicated CPU, -1 when none is dedicated
 * @param policy the scheduling policy as read back from the OS
 * @param placement why it is where it is: "alone on nohz_full CPU 4", "shares CPU 1 with 2", "no
 *     dedicated CPU left", and what it could not get
 */
public record PinnedThreadRow(String name, long tid, int cpu, String policy, String placement) {
}
