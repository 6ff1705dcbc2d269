package io.sprint.opt.platform;

/**
 * The process's memory: locked resident, and huge-page advice. Part of {@link Platform}: what an OS does not override, it refuses with the
 * platform's reason for the capability.
 */
public interface MemoryControl {
    /** Locks all current and future memory of the process, as pages are touched. */
    default void lockMemory() throws OsException {
        throw ((Platform) this).unsupported(Capability.MEMORY_LOCK);
    }

    default void unlockMemory() throws OsException {
        throw ((Platform) this).unsupported(Capability.MEMORY_LOCK);
    }

    default long lockedKilobytes() throws OsException {
        throw ((Platform) this).unsupported(Capability.MEMORY_LOCK);
    }

    /** What the locked figure means on this OS, for the action's detail: "VmLck 8988 kB of mappings locked…". */
    default String describeLocked(long kilobytes) {
        return kilobytes + " kB locked";
    }

    default void adviseHugePages(long address, long length) throws OsException {
        throw ((Platform) this).unsupported(Capability.HUGE_PAGES);
    }

    /** Whether every mapping in [address, address + length) carries the huge-page advice. */
    default boolean hugePagesAdvised(long address, long length) throws OsException {
        throw ((Platform) this).unsupported(Capability.HUGE_PAGES);
    }

    /**
     * Makes the calling thread prefer memory from {@code node} (MPOL_PREFERRED), or back to the
     * process's default policy for -1. Linux sets a thread's memory policy only from the thread
     * itself: there is no call for another thread.
     */
    default void preferMemoryNode(int node) throws OsException {
        throw ((Platform) this).unsupported(Capability.MEMORY_POLICY);
    }

    /** The calling thread's preferred memory node, or -1 for the default policy. */
    default int preferredMemoryNode() throws OsException {
        throw ((Platform) this).unsupported(Capability.MEMORY_POLICY);
    }
}
