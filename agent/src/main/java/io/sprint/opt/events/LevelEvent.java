package io.sprint.opt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

@Name("io.sprint.opt.Level")
@Label("Level in Force")
@Category("sprint-opt")
@Description("The latency level in force and what it changed, at the start and end of every recording chunk: a recording"
        + " started after the level still says what sprint-opt did")
@Period("everyChunk")
@StackTrace(false)
final class LevelEvent extends jdk.jfr.Event {
    @Label("Level")
    @Description("basic … turbo, or none")
    String level;

    @Label("Options")
    String options;

    @Label("Actions")
    @Description("Each action of the level: name, status")
    String actions;
}
