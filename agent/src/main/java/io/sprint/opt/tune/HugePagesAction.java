package io.sprint.opt.tune;

import io.sprint.opt.action.Irreversible;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.Host;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import java.util.Optional;

/**
 * The huge pages hint: madvise(MADV_HUGEPAGE) over the Java heap, which matters where THP is
 * "madvise" (only advised memory gets huge pages). Read back as the {@code hg} flag in
 * /proc/self/smaps. Restore cannot undo it: Linux has no advice that returns a mapping to "no
 * advice", and MADV_NOHUGEPAGE would forbid huge pages, which was not the state before either.
 */
public final class HugePagesAction extends OsSettingAction<Boolean> {
    private final String thpMode;
    private final boolean heapFound;

    /** Finds the heap's range ahead of the action, on a thread that is otherwise idle. */
    public static void prepare() {
        HeapRange.find();
    }

    public HugePagesAction(Platform platform, Host host) {
        this(platform, host.thpMode(), HeapRange.find());
    }

    private HugePagesAction(Platform platform, String thpMode, Optional<long[]> heap) {
        super("huge-pages", new Advised(platform, heap.orElse(new long[] {0, 0})), true, platform,
                Capability.HUGE_PAGES);
        this.thpMode = thpMode;
        this.heapFound = heap.isPresent();
    }

    @Override
    protected String skipReason() {
        String missing = super.skipReason();
        if (missing != null) {
            return missing;
        }
        if ("always".equals(thpMode)) {
            return "transparent huge pages are 'always' on this host: the heap gets them without advice";
        }
        if (!"madvise".equals(thpMode)) {
            return "transparent huge pages are '" + thpMode + "' on this host; to use them: echo madvise >"
                    + " /sys/kernel/mm/transparent_hugepage/enabled";
        }
        if (!heapFound) {
            return "this collector's heap is not one address range (ZGC, Shenandoah); launch with"
                    + " -XX:+UseTransparentHugePages instead";
        }
        return null;
    }

    private static final class Advised extends OnOffSetting {
        private final Platform platform;
        private final long start;
        private final long length;

        Advised(Platform platform, long[] range) {
            super("hg", "no hg");
            this.platform = platform;
            this.start = range[0];
            this.length = range[1] - range[0];
        }

        @Override
        public String key() {
            return "MADV_HUGEPAGE on the heap [0x" + Long.toHexString(start) + ", 0x"
                    + Long.toHexString(start + length) + ")";
        }

        @Override
        public Boolean read() throws OsException {
            return platform.hugePagesAdvised(start, length);
        }

        @Override
        public String cannotRestore(Boolean advisedBefore) {
            return advisedBefore ? null : "the heap keeps MADV_HUGEPAGE: Linux has no advice back to none, and"
                    + " MADV_NOHUGEPAGE would forbid huge pages";
        }

        @Override
        public void write(Boolean advise) throws OsException, Irreversible {
            if (!advise) {
                throw new Irreversible(cannotRestore(false));
            }
            platform.adviseHugePages(start, length);
        }
    }
}
