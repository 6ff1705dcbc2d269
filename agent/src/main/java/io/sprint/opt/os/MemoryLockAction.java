package io.sprint.opt.os;

import io.sprint.opt.platform.Remedies;

import io.sprint.opt.action.Plan;
import io.sprint.opt.platform.HostProbe;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;

/**
 * Memory locking: mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT), read back as VmLck;
 * munlockall on restore. MCL_ONFAULT locks pages as they are touched, so a JVM with a large
 * reserved heap does not become resident in full (use -XX:+AlwaysPreTouch for that). Windows: a
 * hard minimum working set of the memory committed now (see the Windows platform).
 */
final class MemoryLockAction extends OsSettingAction<Boolean> {
    /** Whether the lock in force is ours: a re-apply must not mistake it for the application's. */
    private static volatile boolean lockedByUs;

    private final Platform platform;
    private final HostProbe host;

    MemoryLockAction(Platform platform, HostProbe host) {
        super("memory-lock", new Locked(platform), true, HostProbe.isLinux() ? Remedies.MEMLOCK : Remedies.WORKING_SET);
        this.platform = platform;
        this.host = host;
    }

    @Override
    protected String skipReason() {
        try {
            long locked = platform.lockedKilobytes();
            if (locked > 0 && !lockedByUs) {
                return "memory is already locked by the application (" + (HostProbe.isLinux() ? "VmLck " : "") + locked + " kB): left to it";
            }
        } catch (OsException e) {
            return e.getMessage();
        }
        return null;
    }

    /**
     * VmLck counts whole locked mappings, the reserved heap included, while MCL_ONFAULT makes only
     * touched pages resident: both figures, so neither misleads.
     */
    @Override
    protected String note() {
        try {
            long locked = platform.lockedKilobytes();
            return HostProbe.isLinux() ? " (VmLck " + locked + " kB of mappings locked; resident only as touched)"
                    : " (" + locked + " kB kept resident: what is committed now)";
        } catch (OsException e) {
            return "";
        }
    }

    /** For plan: predicts the refusal from capabilities and limits, without calling mlockall. */
    @Override
    public Plan plan() {
        if (HostProbe.isLinux() && skipReason() == null && !host.memlockCapable()) {
            return Plan.skip(name(), target(), "no CAP_IPC_LOCK and RLIMIT_MEMLOCK is "
                    + host.limit("Max locked memory").map(v -> v < 0 ? "unlimited" : v / 1024 + " kB").orElse("unknown")
                    + "; " + Remedies.MEMLOCK);
        }
        return super.plan();
    }

    private static final class Locked extends OnOffSetting {
        private final Platform platform;

        Locked(Platform platform) {
            super("locked", "unlocked");
            this.platform = platform;
        }

        @Override
        public String key() {
            return "memory lock";
        }

        @Override
        public Boolean read() throws OsException {
            return platform.lockedKilobytes() > 0;
        }

        @Override
        public void write(Boolean lock) throws OsException {
            if (lock) {
                platform.lockMemory();
            } else {
                platform.unlockMemory();
            }
            lockedByUs = lock;
        }
    }
}
