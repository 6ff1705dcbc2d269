package io.sprint.opt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("io.sprint.opt.Hiccup")
@Label("Hiccup")
@Category("sprint-opt")
@Description("The hiccup meter's sampler woke this much later than asked: the whole JVM stalled (GC, safepoint,"
        + " a descheduled process)")
@StackTrace(false)
final class HiccupEvent extends jdk.jfr.Event {
    @Label("Stall")
    @Timespan(Timespan.NANOSECONDS)
    long stall;
}
