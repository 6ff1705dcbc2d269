package io.sprint.opt.pin;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.action.Setting;
import io.sprint.opt.action.SettingAction;
import io.sprint.opt.platform.OsException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ledger's view of thread pinning: one setting, "which configuration is in force". Apply
 * starts it (hook woven, running threads pinned); restore stops it, which unpins every thread.
 */
public final class PinningAction extends SettingAction<PinningAction.State> {
    /** The configuration in force, or none. */
    public record State(PinConfig config) {
        static final State OFF = new State(null);
    }

    private final PinSetting setting;
    private final PinConfig config;
    private final String note;
    private final Denied withoutRealTime;

    /**
     * @param note appended to the applied detail, e.g. why there are no dedicated CPUs ("" for none)
     * @param withoutRealTime why the level's real-time policy is left out, and what grants it; null
     *     when it is not
     */
    public PinningAction(ThreadPinning pinning, PinConfig config, String note, Denied withoutRealTime) {
        this(new PinSetting(pinning), config, note, withoutRealTime);
    }

    private PinningAction(PinSetting setting, PinConfig config, String note, Denied withoutRealTime) {
        super("thread-pinning", setting, new State(config));
        this.setting = setting;
        this.config = config;
        this.note = note;
        this.withoutRealTime = withoutRealTime;
    }

    /** Whatever the outcome, CPUs the plan locked and the pinning in force does not use are let go. */
    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        try {
            return super.apply(transaction);
        } finally {
            if (config.locks() != null) {
                setting.pinning.releaseUnused(config.locks());
            }
        }
    }

    @Override
    protected Denied deniedInPart() {
        return withoutRealTime;
    }

    @Override
    protected String skipReason() {
        return null;
    }

    @Override
    protected String notPossible(Exception e) {
        return e instanceof OsException && ((OsException) e).isUnsupported() ? e.getMessage() : null;
    }

    @Override
    protected String planNote() {
        return note;
    }

    @Override
    protected String note() {
        int running = setting.pinnedAtStart;
        StringBuilder taken = new StringBuilder();
        for (Map.Entry<Integer, Long> cpu : setting.pinning.takenElsewhere().entrySet()) {
            taken.append("; CPU ").append(cpu.getKey()).append(" taken by pid ").append(cpu.getValue())
                    .append(" since the plan: not used");
        }
        return "; " + running + (running == 1 ? " running thread" : " running threads")
                + " pinned now, the rest as they start; virtual threads are never pinned" + note + taken;
    }

    private static final class PinSetting implements Setting<State> {
        private final ThreadPinning pinning;
        private int pinnedAtStart;

        PinSetting(ThreadPinning pinning) {
            this.pinning = pinning;
        }

        @Override
        public String key() {
            return "thread-hook";
        }

        @Override
        public State read() {
            return new State(pinning.config());
        }

        @Override
        public void write(State value) throws Exception {
            if (value.config() == null) {
                List<String> failures = pinning.stop();
                if (!failures.isEmpty()) {
                    throw new IllegalStateException("not every thread got its settings back: "
                            + String.join("; ", failures));
                }
            } else {
                pinnedAtStart = pinning.start(value.config());
            }
        }

        @Override
        public boolean same(State read, State written) {
            return Objects.equals(read.config(), written.config());
        }

        @Override
        public String format(State value) {
            return value.config() == null ? "off" : pinning.describe(value.config());
        }
    }
}
