package io.sprint.opt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.action.Plan;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.config.Level;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.config.Profile;
import io.sprint.opt.jvm.HotSpotFlags;
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.Host;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.RefusingPlatform;
import io.sprint.opt.platform.Scheduling;
import io.sprint.opt.platform.linux.LinuxHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a level's OS fields become, and that an OS which cannot do them gives skips, never failures. */
class LevelActionsTest {
    /** An OS layer that can do none of it, as macOS cannot lock all memory or set affinity. */
    private static final Platform NOTHING = new RefusingPlatform();

    @TempDir
    Path root;

    private Host host() {
        return new LinuxHost(root.resolve("proc"), root.resolve("sys"));
    }

    private List<Action> actions(String options, Platform os) {
        Profile profile = Profile.resolve(Level.ENTERPRISE, 2, OptionsParser.parse(options));
        return LevelActions.osActions(profile, os, host(), CpuList.parse("0-1"), new ThreadPinning(null, () -> os));
    }

    private List<Action> actions(String options) {
        return actions(options, NOTHING);
    }

    @Test
    void enterpriseHasEveryOsField() {
        assertEquals(List.of("thread-pinning", "timer-slack", "huge-pages", "memory-lock", "idle-limit", "numa-placement",
                "cpu-affinity"),
                actions("").stream().map(Action::name).collect(Collectors.toList()));
        LevelActions basic = new LevelActions(HotSpotFlags.platform(), host(), CpuList.parse("0-1"),
                new ThreadPinning(null, () -> NOTHING), () -> {
                    throw new AssertionError("basic must not load the OS layer");
                });
        List<String> basicNames = new ArrayList<>();
        basic.apply(Profile.resolve(Level.BASIC, 2, OptionsParser.parse(""))).forEach(a -> basicNames.add(a.name()));
        assertTrue(basicNames.stream().noneMatch(name -> name.equals("memory-lock") || name.equals("cpu-affinity")),
                basicNames.toString());
    }

    /** The JVM's actions come before the OS layer is needed; the host is read for the rest only once threads are pinned. */
    @Test
    void theOsLayerIsReachedOnlyWhenItsStepIs() {
        int[] reached = {0};
        LevelActions enterprise = new LevelActions(HotSpotFlags.platform(), host(), CpuList.parse("0-1"),
                new ThreadPinning(null, () -> NOTHING), () -> {
                    reached[0]++;
                    return NOTHING;
                });
        Iterable<Action> actions = enterprise.apply(Profile.resolve(Level.ENTERPRISE, 2, OptionsParser.parse("")));
        assertEquals(0, reached[0]);
        List<String> names = new ArrayList<>();
        for (Action action : actions) {
            names.add(action.name());
            assertEquals(names.contains("thread-pinning") ? 1 : 0, reached[0], names.toString());
        }
        assertEquals("heap-free-ratio", names.get(0));
        assertEquals(List.of("thread-pinning", "timer-slack"),
                names.subList(names.indexOf("thread-pinning"), names.indexOf("thread-pinning") + 2));
        assertEquals("cpu-affinity", names.get(names.size() - 1));
    }

    @Test
    void anOsThatCannotSkipsWithTheReason() {
        Ledger.Transaction tx = new Ledger().begin();
        Map<String, ActionRecord> records = actions("").stream().map(a -> a.apply(tx))
                .collect(Collectors.toMap(ActionRecord::name, r -> r));
        records.values().forEach(r -> assertEquals(ActionStatus.SKIPPED, r.status(), r.toString()));
        assertEquals("locking all memory is not supported on this OS", records.get("memory-lock").detail());
        assertEquals("thread affinity is not supported on this OS", records.get("cpu-affinity").detail());
        for (Action action : actions("")) {
            assertEquals(Plan.Verdict.SKIP, action.plan().verdict(), action.plan().toString());
        }
    }

    @Test
    void withoutAffinityOrSlackSelectedThreadsGetTheOsRealTimePolicyOnly() {
        Platform mac = new RefusingPlatform() {
            @Override public long currentThreadId() { return 1; }
            @Override public Scheduling realTime(boolean alone, int priority) {
                return new Scheduling(Scheduling.Policy.MACH_TIME_CONSTRAINT, 0);
            }
        };
        Action pinning = actions("pin=relay-*", mac).stream().filter(a -> a.name().equals("thread-pinning"))
                .findFirst().orElseThrow();
        assertEquals("thread-hook off → relay-* → RT THREAD_TIME_CONSTRAINT_POLICY; thread affinity is not supported on"
                + " this OS, so they share its CPUs", pinning.plan().detail());
    }

    @Test
    void cpusOutsideTheUsableOnesAreRefused() {
        Platform affinityOnly = new RefusingPlatform() {
            @Override public String missing(Capability capability) {
                return capability == Capability.THREAD_AFFINITY ? null : super.missing(capability);
            }
        };
        Action affinity = actions("cpus=4-5", affinityOnly).stream().filter(a -> a.name().equals("cpu-affinity")).findFirst()
                .orElseThrow();
        ActionRecord record = affinity.apply(new Ledger().begin());
        assertEquals(ActionStatus.SKIPPED, record.status());
        assertEquals("CPUs 4-5 are outside the CPUs this process may use (0-1)", record.detail());
        assertTrue(affinity.plan().detail().startsWith("CPUs 4-5 are outside"));
    }

    /** Windows-shaped: timers are sharpened for the whole process, so latency holds a period instead of slack. */
    @Test
    void latencyTuningTakesThePeriodWhereTimersArePerProcess() {
        Platform periodOnly = new RefusingPlatform() {
            @Override public String missing(Capability capability) {
                return capability == Capability.TIMER_PERIOD ? null : super.missing(capability);
            }
        };
        List<String> names = actions("", periodOnly).stream().map(Action::name).collect(Collectors.toList());
        assertTrue(names.contains("timer-period") && !names.contains("timer-slack"), names.toString());
    }
}
