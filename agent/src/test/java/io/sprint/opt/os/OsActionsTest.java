package io.sprint.opt.os;

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
import io.sprint.opt.pin.ThreadPinning;
import io.sprint.opt.platform.HostProbe;
import io.sprint.opt.platform.Platform;
import io.sprint.opt.platform.RefusingPlatform;
import io.sprint.opt.platform.Scheduling;
import io.sprint.opt.platform.UnsupportedPlatform;
import io.sprint.opt.platform.UnsupportedPlatform.Capability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a level's OS fields become, and that an OS which cannot do them gives skips, never failures. */
class OsActionsTest {
    /** An OS layer that can do none of it, as macOS cannot lock all memory or set affinity. */
    private static final Platform NOTHING = UnsupportedPlatform.of("this OS", Map.of(
            Capability.THREAD_AFFINITY, "thread affinity", Capability.THREAD_SCHEDULING, "real-time policy",
            Capability.TIMER_SLACK, "timer slack", Capability.MEMORY_LOCK, "locking all memory",
            Capability.HUGE_PAGES, "huge-page advice"));

    @TempDir
    Path root;

    private List<Action> actions(String options) {
        Profile profile = Profile.resolve(Level.ENTERPRISE, 2, OptionsParser.parse(options));
        HostProbe host = new HostProbe(root.resolve("proc"), root.resolve("sys"));
        return OsActions.forProfile(profile, () -> NOTHING, host, CpuList.parse("0-1"),
                new ThreadPinning(null, () -> NOTHING));
    }

    @Test
    void enterpriseHasEveryOsField() {
        assertEquals(List.of("memory-lock", "thread-pinning", "cpu-affinity", "timer-slack", "huge-pages", "numa-placement"),
                actions("").stream().map(Action::name).collect(Collectors.toList()));
        assertEquals(List.of(), OsActions.forProfile(Profile.resolve(Level.BASIC, 2, OptionsParser.parse("")),
                () -> {
                    throw new AssertionError("basic must not load the OS layer");
                }, new HostProbe(root, root), CpuList.parse("0-1"), new ThreadPinning(null, () -> NOTHING)));
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
        Profile profile = Profile.resolve(Level.ENTERPRISE, 2, OptionsParser.parse("pin=relay-*"));
        HostProbe host = new HostProbe(root.resolve("proc"), root.resolve("sys"));
        Action pinning = OsActions.forProfile(profile, () -> mac, host, CpuList.parse("0-1"),
                new ThreadPinning(null, () -> mac)).stream().filter(a -> a.name().equals("thread-pinning"))
                .findFirst().orElseThrow();
        assertEquals("thread-hook off → relay-* → RT THREAD_TIME_CONSTRAINT_POLICY", pinning.plan().detail());
    }

    @Test
    void cpusOutsideTheUsableOnesAreRefused() {
        Action affinity = actions("cpus=4-5").stream().filter(a -> a.name().equals("cpu-affinity")).findFirst()
                .orElseThrow();
        ActionRecord record = affinity.apply(new Ledger().begin());
        assertEquals(ActionStatus.SKIPPED, record.status());
        assertEquals("CPUs 4-5 are outside the CPUs this process may use (0-1)", record.detail());
        assertTrue(affinity.plan().detail().startsWith("CPUs 4-5 are outside"));
    }
}
