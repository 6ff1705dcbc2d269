package io.sprint.opt.tune;

import io.sprint.opt.action.Plan;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;

/**
 * Memory locking: mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT), read back as VmLck;
 * munlockall on restore. MCL_ONFAULT locks pages as they are touched, so a JVM with a large
 * reserved heap does not become resident in full (use -XX:+AlwaysPreTouch for that). Windows: a
 * hard minimum working set of the memory committed now (see the Windows platform).
 */
public final class MemoryLockAction extends OsSettingAction<Boolean> {
    /** Whether the lock in force is ours: a re-apply must not mistake it for the application's. */
    private static volatile boolean lockedByUs;

    public MemoryLockAction(Platform platform) {
        super("memory-lock", new Locked(platform), true, platform, Capability.MEMORY_LOCK);
    }

    @Override
    protected String skipReason() {
        String missing = super.skipReason();
        if (missing != null) {
            return missing;
        }
        try {
            long locked = os.lockedKilobytes();
            if (locked > 0 && !lockedByUs) {
                return "memory is already locked by the application (" + os.describeLocked(locked) + "): left to it";
            }
        } catch (OsException e) {
            return e.getMessage();
        }
        return null;
    }

    @Override
    protected String note() {
        try {
            return " (" + os.describeLocked(os.lockedKilobytes()) + ")";
        } catch (OsException e) {
            return "";
        }
    }

    /**
     * mlockall is tried even when the platform predicts a refusal (RLIMIT_MEMLOCK may have room
     * for a small JVM); only plan goes by the prediction.
     */
    @Override
    protected Denied deniedHere() {
        return null;
    }

    @Override
    public Plan plan() {
        Denied denied = skipReason() == null ? super.deniedHere() : null;
        return denied != null ? Plan.skip(name(), target(), denied.why() + "; " + denied.remedy()) : super.plan();
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
