package io.sprint.opt.jvm;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.action.Plan;

/** A start-up-only field: reported as a skipped launch flag, or as already in force. */
final class LaunchFlagAction implements Action {
    private final LaunchFlags.LaunchFlag flag;
    private final HotSpotFlags flags;

    LaunchFlagAction(LaunchFlags.LaunchFlag flag, HotSpotFlags flags) {
        this.flag = flag;
        this.flags = flags;
    }

    @Override
    public String name() {
        return flag.action();
    }

    private String detail() {
        boolean inForce = flag.inForce().equals(flags.find(flag.vmFlag()).orElse(null));
        return inForce ? "launch flag " + flag.flag() + " already in force"
                : "launch flag: a running JVM cannot change this; start it with " + flag.flag() + ": " + flag.why();
    }

    @Override
    public Plan plan() {
        return Plan.skip(name(), flag.flag(), detail());
    }

    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        return ActionRecord.skipped(name(), flag.flag(), detail());
    }
}
