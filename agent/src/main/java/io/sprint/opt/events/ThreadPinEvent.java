package io.sprint.opt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sprint.opt.ThreadPin")
@Label("Thread Pinned or Unpinned")
@Category("sprint-opt")
@Description("A pin= thread given its dedicated CPU and policy, or given back what it had")
@StackTrace(false)
final class ThreadPinEvent extends jdk.jfr.Event {
    @Label("Change")
    @Description("pinned or unpinned")
    String change;

    @Label("Thread Name")
    String name;

    @Label("Native Thread Id")
    @Description("The OS's thread id (taskset -pc, chrt -p)")
    long tid;

    @Label("CPU")
    @Description("The dedicated CPU, -1 for none")
    int cpu;

    @Label("Policy")
    @Description("The scheduling policy, e.g. SCHED_FIFO 10")
    String policy;
}
