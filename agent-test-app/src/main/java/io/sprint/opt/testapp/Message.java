package io.sprint.opt.testapp;

/**
 * A transaction or a block as it travels: {@code createdNanos} is when it was due to be created
 * (not when the source got round to it), so a stalled source shows up as latency.
 */
record Message(Kind kind, long id, long createdNanos, byte[] payload) {
    enum Kind { TX, BLOCK }
}
