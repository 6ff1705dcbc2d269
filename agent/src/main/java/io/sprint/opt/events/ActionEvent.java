package io.sprint.opt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sprint.opt.Action")
@Label("Action")
@Category("sprint-opt")
@Description("One change of a latency level: applied, skipped, failed or restored")
@StackTrace(false)
final class ActionEvent extends jdk.jfr.Event {
    @Label("Action")
    @Description("The action's name, e.g. cpu-affinity")
    String action;

    @Label("Target")
    @Description("What the action aims at, e.g. every thread 0")
    String target;

    @Label("Status")
    @Description("applied, skipped, failed or restored")
    String status;

    @Label("Detail")
    @Description("What changed (before → after) or why not")
    String detail;
}
