package io.sprint.opt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sprint.opt.Drift")
@Label("Drift")
@Category("sprint-opt")
@Description("A setting found no longer reading what the level applied, or put back")
@StackTrace(false)
final class DriftEvent extends jdk.jfr.Event {
    @Label("Change")
    @Description("found or repaired")
    String change;

    @Label("Setting")
    String setting;

    @Label("Applied")
    @Description("The value the level applied")
    String applied;

    @Label("Now")
    @Description("The value read when the drift was found")
    String now;

    @Label("Thread Name")
    @Description("For a per-thread setting, else empty")
    String thread;

    @Label("Native Thread Id")
    @Description("For a per-thread setting, else 0")
    long tid;
}
