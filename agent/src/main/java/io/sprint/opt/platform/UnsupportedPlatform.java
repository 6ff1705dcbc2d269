package io.sprint.opt.platform;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * An OS layer that refuses every call, saying why per capability: what an OS does not offer (the
 * macOS layer hands its missing capabilities to one), or a JVM where the layer could not load at
 * all.
 */
public final class UnsupportedPlatform implements Platform {
    /** What the calls of this interface need from an OS. */
    public enum Capability { THREAD_AFFINITY, THREAD_SCHEDULING, TIMER_SLACK, MEMORY_LOCK, HUGE_PAGES }

    private final String name;
    private final Map<Capability, String> missing;
    private final boolean unavailable;

    private UnsupportedPlatform(String name, Map<Capability, String> missing, boolean unavailable) {
        this.name = name;
        this.missing = missing;
        this.unavailable = unavailable;
    }

    /** An OS without these capabilities: each refusal reads "… is not supported on {@code os}". */
    public static UnsupportedPlatform of(String os, Map<Capability, String> missing) {
        return new UnsupportedPlatform(os, Map.copyOf(missing), false);
    }

    /** No OS layer here at all, for one reason. */
    static UnsupportedPlatform unavailable(String reason) {
        Map<Capability, String> missing = new java.util.EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            missing.put(capability, reason);
        }
        return new UnsupportedPlatform("unsupported (" + reason + ")", missing, true);
    }

    private OsException refuse(Capability capability) {
        String what = missing.get(capability);
        return unavailable ? OsException.unavailable(what) : OsException.unsupported(what, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Long> threads() throws OsException {
        throw refuse(Capability.THREAD_AFFINITY);
    }

    @Override
    public BitSet affinity(long tid) throws OsException {
        throw refuse(Capability.THREAD_AFFINITY);
    }

    @Override
    public void setAffinity(long tid, BitSet cpus) throws OsException {
        throw refuse(Capability.THREAD_AFFINITY);
    }

    @Override
    public long currentThreadId() throws OsException {
        throw refuse(Capability.THREAD_AFFINITY);
    }

    @Override
    public Scheduling scheduling(long tid) throws OsException {
        throw refuse(Capability.THREAD_SCHEDULING);
    }

    @Override
    public void setScheduling(long tid, Scheduling scheduling) throws OsException {
        throw refuse(Capability.THREAD_SCHEDULING);
    }

    @Override
    public long timerSlackNanos(long tid) throws OsException {
        throw refuse(Capability.TIMER_SLACK);
    }

    @Override
    public void setTimerSlackNanos(long tid, long nanos) throws OsException {
        throw refuse(Capability.TIMER_SLACK);
    }

    @Override
    public void lockMemory() throws OsException {
        throw refuse(Capability.MEMORY_LOCK);
    }

    @Override
    public void unlockMemory() throws OsException {
        throw refuse(Capability.MEMORY_LOCK);
    }

    @Override
    public long lockedKilobytes() throws OsException {
        throw refuse(Capability.MEMORY_LOCK);
    }

    @Override
    public void adviseHugePages(long address, long length) throws OsException {
        throw refuse(Capability.HUGE_PAGES);
    }

    @Override
    public boolean hugePagesAdvised(long address, long length) throws OsException {
        throw refuse(Capability.HUGE_PAGES);
    }
}
