package io.sprint.opt.platform;

/**
 * The OS layer: everything sprint-opt asks of the operating system, per thread where the OS
 * allows it, in four small concerns ({@link ThreadControl}, {@link TimerControl}, {@link MemoryControl},
 * {@link HostWideControl}) and three questions about each {@link Capability}. One implementation per OS, chosen at run time; what an
 * OS does not offer it does not override, and the default refuses with {@link #missing}'s reason
 * ({@link OsException#isUnsupported}), which the action reports as skipped. Reads go to the OS's
 * own accounting (Linux: /proc and system calls), not to our memory of what we wrote.
 */
public interface Platform extends ThreadControl, TimerControl, MemoryControl, HostWideControl {
    String name();

    /** Why this OS (or this OS layer here) cannot do {@code capability} at all; null when it can. */
    String missing(Capability capability);

    /**
     * Why this process would be refused {@code capability} for want of privilege, predicted from
     * its capabilities and limits without trying; null when it should be allowed. For plan and
     * for actions that must not try what fails loudly.
     */
    default String denied(Capability capability) {
        return null;
    }

    /** The user's next step when {@code capability} is refused for want of privilege here. */
    String remedy(Capability capability);

    /** "locking all memory is not supported on macOS": the sentence for a missing capability; null when present. */
    default String whyNot(Capability capability) {
        return missing(capability) == null ? null : unsupported(capability).getMessage();
    }

    /** The refusal for a capability this OS does not override. */
    default OsException unsupported(Capability capability) {
        String why = missing(capability);
        return OsException.unsupported(why != null ? why : capability.what() + " (not in this OS layer)", name());
    }
}
