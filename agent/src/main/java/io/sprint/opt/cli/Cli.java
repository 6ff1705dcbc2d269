package io.sprint.opt.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.sprint.opt.action.Drift;
import io.sprint.opt.action.Plan;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.Level;
import io.sprint.opt.config.LevelSpec;
import io.sprint.opt.config.OptionKey;
import io.sprint.opt.config.Options;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.config.Profile;
import io.sprint.opt.core.AgentEntry;
import io.sprint.opt.core.Optimizer;
import io.sprint.opt.core.OsLayer;
import io.sprint.opt.core.SystemProperties;
import io.sprint.opt.core.Version;
import io.sprint.opt.core.Wiring;
import io.sprint.opt.jvm.HotSpotFlags;
import io.sprint.opt.jvm.LaunchFlags;
import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.journal.JournalOwner;
import io.sprint.opt.journal.StaleJournals;
import io.sprint.opt.mbean.AttributeName;
import io.sprint.opt.mbean.Operation;
import io.sprint.opt.pin.CorePlan;
import io.sprint.opt.pin.CpuLocks;
import io.sprint.opt.platform.Check;
import io.sprint.opt.platform.CpuTopology;
import io.sprint.opt.platform.Host;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;

/** {@code java -jar sprint-opt.jar COMMAND}: exit 0 on success, 1 on failure, 2 on usage errors. */
public final class Cli {
    static final String USAGE = String.join("\n",
            "usage: java -jar sprint-opt.jar COMMAND",
            "  list                    running JVMs: pid, sprint-opt version if loaded, level, main class",
            "  attach PID [OPTIONS]    load into a running JVM, or re-apply with new options",
            "  status PID [--json]     level, options, actions, stats, pinned threads",
            "  restore PID             roll every change back",
            "  restore --stale         put back host-wide settings of JVMs that ended without restoring",
            "  health PID              exit 0 when healthy, else 1 with one reason per line",
            "  verify PID [--json] [--verbose]  is the level still in force: exit 0 yes, 1 drifted (one line each), 2 error",
            "  plan [OPTIONS]          dry run on this host: what each action would do; changes nothing",
            "  flags LEVEL             launch flags for what a running JVM cannot change",
            "  doctor [OPTIONS]        host readiness: privileges, limits, THP, isolated CPUs, NUMA, cgroups, IRQs",
            "  --help | --version",
            "OPTIONS: comma-separated key=value, e.g. level=enterprise,pin=relay-* (--help lists the keys)",
            "");

    private final PrintStream out;
    private final PrintStream err;

    Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Entry point from the boot class. */
    public static int run(String[] args) {
        return new Cli(System.out, System.err).execute(args);
    }

    int execute(String[] args) {
        try {
            return dispatch(args);
        } catch (UsageException e) {
            err.println("sprint-opt: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (CommandException e) {
            err.println("sprint-opt: " + e.getMessage());
            return 1;
        }
    }

    private int dispatch(String[] args) throws UsageException, CommandException {
        if (args.length == 0) {
            throw new UsageException("no command");
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (command) {
            case "--help":
            case "-h":
            case "help":
                out.print(USAGE);
                printOptions();
                return 0;
            case "--version":
                out.println("sprint-opt " + Version.VALUE);
                return 0;
            case "list":
                expect(rest, 0, 0, command);
                return list();
            case "attach":
                expect(rest, 1, Integer.MAX_VALUE, command);
                return attach(TargetJvm.checkPid(rest.get(0)), options(rest.subList(1, rest.size())));
            case "status":
                expect(rest, 1, 2, command);
                boolean json = rest.size() == 2;
                if (json && !"--json".equals(rest.get(1))) {
                    throw new UsageException("status takes PID [--json], not " + rest.get(1));
                }
                return status(TargetJvm.checkPid(rest.get(0)), json);
            case "restore":
                expect(rest, 1, 1, command);
                return "--stale".equals(rest.get(0)) ? restoreStale() : restore(TargetJvm.checkPid(rest.get(0)));
            case "verify":
                expect(rest, 1, 3, command);
                for (String flag : rest.subList(1, rest.size())) {
                    if (!flag.equals("--json") && !flag.equals("--verbose")) {
                        throw new UsageException("verify takes PID [--json] [--verbose], not " + flag);
                    }
                }
                return verify(TargetJvm.checkPid(rest.get(0)), rest.contains("--json"), rest.contains("--verbose"));
            case "health":
                expect(rest, 1, 1, command);
                return health(TargetJvm.checkPid(rest.get(0)));
            case "plan":
                return plan(options(rest));
            case "flags":
                expect(rest, 1, 1, command);
                return flags(rest.get(0));
            case "doctor":
                return doctor(options(rest));
            default:
                throw new UsageException("unknown command '" + command + "'");
        }
    }

    /** Every key, from its declaration: default, what it does, and what it takes. */
    private void printOptions() {
        out.println("keys (the same in -javaagent:sprint-opt.jar=OPTIONS, attach, plan, doctor and a config= file):");
        Table table = new Table("KEY", "DEFAULT", "WHAT IT DOES");
        for (OptionKey key : OptionKey.values()) {
            table.rowWithDetail("takes " + key.accepted(), key.key(), key.defaultText(), key.doc());
        }
        table.print(out, "  ");
    }

    private static void expect(List<String> rest, int min, int max, String command) throws UsageException {
        if (rest.size() < min || rest.size() > max) {
            throw new UsageException(command + " takes " + (min == max ? min : min + " to " + max)
                    + " argument(s), not " + rest.size());
        }
    }

    /** Options may come as one comma-separated word or as several words. */
    private static Options options(List<String> words) throws UsageException {
        try {
            return OptionsParser.parse(String.join(",", words));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int list() {
        Table table = new Table("PID", "SPRINT-OPT", "LEVEL", "MAIN");
        String self = Long.toString(ProcessHandle.current().pid());
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            if (descriptor.id().equals(self)) {
                continue;
            }
            String version = "?";
            String level = "?";
            try (TargetJvm jvm = TargetJvm.attach(descriptor.id())) {
                Properties properties = jvm.systemProperties();
                version = properties.getProperty(SystemProperties.VERSION, "-");
                level = properties.getProperty(SystemProperties.LEVEL, "-");
            } catch (Exception e) {
                // another user's JVM, or one that exited meanwhile: shown with "?"
            }
            table.row(descriptor.id(), version, level, descriptor.displayName());
        }
        table.print(out, "");
        return 0;
    }

    /**
     * Loads the agent if it is not there yet (creating its MBean, applying nothing), then applies
     * the options through the MBean and reports what that call did: ten commands at once each
     * print their own level.
     */
    private int attach(String pid, Options options) throws CommandException {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            try {
                if (!jvm.agentLoaded()) {
                    jvm.loadAgent(jarPath(), AgentEntry.LOAD_ONLY);
                }
            } catch (AgentInitializationException e) {
                throw new CommandException("JVM " + pid + " refused the agent: it failed to start; its stderr has the"
                        + " reason");
            } catch (Exception e) {
                throw new CommandException("cannot load the agent into JVM " + pid + ": " + e);
            }
            CompositeData result = (CompositeData) invoke(jvm.optimizer(), Operation.APPLY, options.toArgs());
            boolean applied = (Boolean) result.get("succeeded");
            out.println("JVM " + pid + ": " + (applied ? "level " + result.get("level") + " applied"
                    : "no level of " + options.level() + " could be applied; level " + result.get("level")
                    + " in force"));
            printActions((CompositeData[]) result.get("actions"));
            return applied ? 0 : 1;
        }
    }

    private int status(String pid, boolean json) throws CommandException {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            MBeanServerConnection jmx = jvm.optimizer();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("pid", Long.parseLong(pid));
            for (AttributeName name : AttributeName.values()) {
                if (name != AttributeName.ADAPTIVE_DECISIONS) {
                    status.put(name.jmxName(), attribute(jmx, name));
                }
            }
            if (json) {
                out.println(Json.write(status));
                return 0;
            }
            out.println("JVM " + pid + ": level " + status.get(AttributeName.LEVEL.jmxName()) + ", applied "
                    + status.get(AttributeName.APPLIED.jmxName()) + ", options '"
                    + status.get(AttributeName.OPTIONS.jmxName()) + "'");
            out.println("actions:");
            printActions((CompositeData[]) status.get(AttributeName.ACTIONS.jmxName()));
            out.println("stats:");
            printComposite((CompositeData) status.get(AttributeName.STATS.jmxName()));
            CompositeData[] pinned = (CompositeData[]) status.get(AttributeName.PINNED_THREADS.jmxName());
            out.println("pinned threads:" + (pinned.length == 0 ? " none" : ""));
            Table threads = new Table("NAME", "TID", "CPU", "POLICY");
            for (CompositeData thread : pinned) {
                threads.rowWithDetail(thread.get("placement"), thread.get("name"), thread.get("tid"), thread.get("cpu"),
                        thread.get("policy"));
            }
            if (!threads.isEmpty()) {
                threads.print(out, "  ");
            }
            out.println("system:");
            printComposite((CompositeData) status.get(AttributeName.SYSTEM_INFO.jmxName()));
            return 0;
        }
    }

    private int restore(String pid) throws CommandException {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            CompositeData result = (CompositeData) invoke(jvm.optimizer(), Operation.RESTORE);
            CompositeData[] records = (CompositeData[]) result.get("actions");
            boolean complete = (Boolean) result.get("succeeded");
            out.println("JVM " + pid + ": " + (records.length == 0 ? "nothing to restore"
                    : complete ? "restored" : "not everything restored; level " + result.get("level") + " in force"));
            printActions(records);
            return complete ? 0 : 1;
        }
    }

    /** Journals of JVMs that ended without restoring: put back, then deleted; exit 1 if any setting stays. */
    private int restoreStale() throws CommandException {
        Path directory = HostJournal.DIRECTORY;
        StaleJournals.Outcome outcome;
        try {
            outcome = StaleJournals.restore(directory, StaleJournals.KERNEL_FILES);
        } catch (IOException e) {
            throw new CommandException(e.getMessage());
        }
        outcome.lines().forEach(out::println);
        if (outcome.journals() == 0) {
            out.println("no stale journals in " + directory);
        } else {
            out.println(outcome.left() == 0 ? "restored; no stale journal left"
                    : outcome.left() + " setting(s) not put back; they stay journaled in " + directory);
        }
        return outcome.left() == 0 ? 0 : 1;
    }

    /** Exit 0 when everything applied reads as applied, 1 with one line per drift, 2 when it cannot tell. */
    private int verify(String pid, boolean json, boolean verbose) {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            CompositeData result = (CompositeData) invoke(jvm.optimizer(), Operation.VERIFY);
            boolean inForce = (Boolean) result.get("in_force");
            CompositeData[] drift = (CompositeData[]) result.get("drift");
            if (json) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("pid", Long.parseLong(pid));
                report.put("verification", result);
                out.println(Json.write(report));
                return inForce ? 0 : 1;
            }
            String level = (String) attribute(jvm.optimizer(), AttributeName.LEVEL);
            out.println("JVM " + pid + ": level " + level + (inForce ? " in force" : " drifted, " + drift.length
                    + " setting(s)") + " (" + result.get("settings") + " setting(s) and " + result.get("pinned_threads")
                    + " pinned thread(s) read back)");
            for (CompositeData found : drift) {
                out.println("  " + new Drift((String) found.get("setting"), (String) found.get("applied"),
                        (String) found.get("now"), (String) found.get("thread"), (Long) found.get("tid")));
            }
            if (verbose) {
                out.println("applied:");
                printActions((CompositeData[]) attribute(jvm.optimizer(), AttributeName.ACTIONS));
            }
            return inForce ? 0 : 1;
        } catch (CommandException e) {
            err.println("sprint-opt: " + e.getMessage());
            return 2;
        }
    }

    private int health(String pid) throws CommandException {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            String[] reasons = (String[]) invoke(jvm.optimizer(), Operation.HEALTH_CHECK);
            if (reasons.length == 0) {
                out.println("healthy");
                return 0;
            }
            for (String reason : reasons) {
                out.println(reason);
            }
            return 1;
        }
    }

    private int plan(Options options) {
        Wiring wiring = Wiring.of(null);
        HotSpotFlags flags = wiring.flags();
        int cpus = wiring.cpus();
        Optimizer optimizer = wiring.optimizer(state -> { });
        for (Map.Entry<Level, List<Plan>> level : optimizer.plan(options).entrySet()) {
            out.println("level " + level.getKey() + " on this host (" + cpus + " CPUs, JDK " + Runtime.version().feature()
                    + ", " + flags.collector() + " as in this JVM; a target started with other flags differs):");
            Table table = new Table("ACTION", "VERDICT", "TARGET");
            for (Plan plan : level.getValue()) {
                table.rowWithDetail(plan.detail(), plan.name(), plan.verdict(), plan.target());
            }
            table.print(out, "  ");
        }
        out.println("nothing was changed");
        return 0;
    }

    private int flags(String levelId) throws UsageException {
        LevelSpec spec;
        try {
            spec = LevelSpec.parse(levelId);
        } catch (IllegalArgumentException e) {
            throw new UsageException("flags takes one level: basic, standard, aggressive, enterprise, turbo or auto;"
                    + " not '" + levelId + "'");
        }
        if (spec.size() != 1) {
            throw new UsageException("flags takes one level, not the chain " + levelId);
        }
        Level level = spec.resolve(0, System.getenv());
        int feature = Runtime.version().feature();
        Profile profile = Profile.resolve(level, OsLayer.host().usableCpuCount(), Options.DEFAULTS);
        List<LaunchFlags.LaunchFlag> flags = LaunchFlags.forProfile(profile, feature);
        out.println(flags.stream().map(LaunchFlags.LaunchFlag::flag).collect(Collectors.joining(" ")));
        out.println("# launch flags for level " + level + " on JDK " + feature + " (first line: paste into the java"
                + " command)");
        for (LaunchFlags.LaunchFlag flag : flags) {
            out.println("# " + flag.flag() + ": " + flag.why());
        }
        return 0;
    }

    /**
     * The checks; the cores examined for interrupts and kernel threads are those the first level
     * would dedicate to pinned threads, else its affinity or cpus=.
     */
    private int doctor(Options options) {
        Host host = OsLayer.host();
        Profile profile = Profile.resolve(options.level().resolve(0, System.getenv()), host.usableCpuCount(), options);
        out.println("sprint-opt doctor: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", CPUs " + host.allowedCpus() + ", JDK " + Runtime.version().feature());
        Table table = new Table("CHECK", "STATUS", "VALUE");
        CpuList cores = profile.affinity() == null ? host.allowedCpus() : profile.affinity().intersect(host.allowedCpus());
        // What preempts a pinned thread matters on the CPUs the level would dedicate, when it would
        CpuList dedicated = CorePlan.of(host.topology(), host.allowedCpus(), profile.affinity(), profile.wholeCores(),
                CpuLocks.in(profile.locks())).dedicated();
        for (Check check : host.doctor(profile.pinning() && !dedicated.isEmpty() ? dedicated : cores)) {
            table.rowWithDetail(check.advice(), check.name(), check.status(), check.value());
        }
        CpuTopology topology = host.topology();
        int perCore = topology.siblings().values().stream().mapToInt(CpuList::count).max().orElse(1);
        table.rowWithDetail("pinned threads get CPUs from the pool, isolated and nohz_full ones first; the rest of"
                + " the JVM stays in its start-up mask", "CPU pool", "info", topology.pool() + " (start-up mask "
                + host.allowedCpus() + "; isolated " + orNone(topology.isolated()) + ", nohz_full "
                + orNone(topology.nohzFull()) + "; " + perCore + " thread(s) per core)");
        CpuLocks locks = CpuLocks.in(profile.locks());
        List<String> held = new ArrayList<>();
        for (int cpu : topology.pool().toArray()) {
            long pid = locks.holder(cpu);
            if (pid != 0) {
                held.add("CPU " + cpu + " by pid " + pid);
            }
        }
        table.rowWithDetail(held.isEmpty() ? "" : "another JVM's pinned threads hold these; this one takes the next"
                + " free CPUs", "dedicated elsewhere", held.isEmpty() ? "ok" : "info", (held.isEmpty() ? "none"
                : String.join(", ", held)) + " (locks in " + locks.directory() + ")");
        List<JournalOwner> stale = StaleJournals.find(HostJournal.DIRECTORY);
        table.rowWithDetail(stale.isEmpty() ? "" : "java -jar sprint-opt.jar restore --stale", "stale journals",
                stale.isEmpty() ? "ok" : "warn", stale.isEmpty() ? "none" : stale.size()
                + " JVM(s) ended without putting host-wide settings back");
        table.print(out, "  ");
        return 0;
    }

    private static String orNone(CpuList cpus) {
        return cpus.isEmpty() ? "none" : cpus.toString();
    }

    private void printActions(CompositeData[] actions) {
        if (actions.length == 0) {
            out.println("  (no actions)");
            return;
        }
        Table table = new Table("ACTION", "STATUS", "TARGET");
        for (CompositeData action : actions) {
            String remedy = (String) action.get("remedy");
            table.rowWithDetail(action.get("detail") + (remedy.isEmpty() ? "" : "; " + remedy), action.get("name"),
                    action.get("status"), action.get("target"));
        }
        table.print(out, "  ");
    }

    private void printComposite(CompositeData data) {
        Table table = new Table("KEY", "VALUE");
        for (String key : data.getCompositeType().keySet()) {
            table.row(key, data.get(key));
        }
        table.print(out, "  ");
    }

    private static Object attribute(MBeanServerConnection jmx, AttributeName name) throws CommandException {
        try {
            return jmx.getAttribute(TargetJvm.name(), name.jmxName());
        } catch (Exception e) {
            throw new CommandException("cannot read " + name.jmxName() + ": " + e);
        }
    }

    /** An operation with String parameters; a strict refusal or a bad option is its one-line reason. */
    private static Object invoke(MBeanServerConnection jmx, Operation operation, String... params)
            throws CommandException {
        String[] signature = new String[params.length];
        Arrays.fill(signature, String.class.getName());
        try {
            return jmx.invoke(TargetJvm.name(), operation.jmxName(), params, signature);
        } catch (RuntimeMBeanException e) {
            throw new CommandException(operation.jmxName() + " refused: " + e.getCause().getMessage());
        } catch (Exception e) {
            throw new CommandException(operation.jmxName() + " failed: " + e);
        }
    }

    private static String jarPath() throws CommandException {
        try {
            return Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new CommandException("cannot locate sprint-opt.jar: " + e);
        }
    }
}
