package io.sprint.opt.platform.macos;

import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.UnsupportedPlatform;
import io.sprint.opt.platform.UnsupportedPlatform.Capability;
import java.util.Map;

/**
 * macOS offers none of what this layer does, and says which: no thread affinity (affinity tags
 * of THREAD_AFFINITY_POLICY are hints, ignored on Apple silicon), no mlockall (only mlock per
 * region), no timer slack, no transparent huge pages. Its real-time policy
 * (THREAD_TIME_CONSTRAINT_POLICY) takes a period and a computation budget, not a priority: it is
 * not mapped in this version.
 */
public final class MacPlatform {
    private MacPlatform() {
    }

    public static Platform create() {
        return UnsupportedPlatform.of("macOS", Map.of(
                Capability.THREAD_AFFINITY, "thread affinity (macOS affinity tags are hints, ignored on Apple silicon)",
                Capability.THREAD_SCHEDULING, "real-time thread priority (THREAD_TIME_CONSTRAINT_POLICY is not"
                        + " mapped in this version)",
                Capability.TIMER_SLACK, "timer slack",
                Capability.MEMORY_LOCK, "locking all memory (macOS has no mlockall, only mlock per region)",
                Capability.HUGE_PAGES, "huge-page advice (macOS has no transparent huge pages)"));
    }
}
