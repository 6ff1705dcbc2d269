package io.sprint.opt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sprint.opt.AdaptiveStep")
@Label("Adaptive Step")
@Category("sprint-opt")
@Description("Adaptive tuning moved to another level")
@StackTrace(false)
final class AdaptiveStepEvent extends jdk.jfr.Event {
    @Label("Decision")
    @Description("From which level to which, and why (the p99 and CPU use it saw)")
    String decision;

    @Label("Applied")
    boolean applied;
}
