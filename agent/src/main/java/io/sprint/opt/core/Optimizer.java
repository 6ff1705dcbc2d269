package io.sprint.opt.core;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.ActionStatus;
import io.sprint.opt.action.Drift;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.action.Plan;
import io.sprint.opt.config.Level;
import io.sprint.opt.config.LevelSpec;
import io.sprint.opt.config.Options;
import io.sprint.opt.config.Profile;
import io.sprint.opt.events.FlightEvents;
import io.sprint.opt.log.Log;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies levels and restores them. Apply and restore are serialised; state is published
 * whole, so readers (the MXBean) never see half an apply.
 */
public final class Optimizer {
    /** What is in force now. {@code level} is null when nothing is applied. */
    public record State(Level level, boolean applied, Options options, Profile profile, List<ActionRecord> actions) {
        static final State INITIAL = new State(null, false, Options.DEFAULTS, null, List.of());

        public String levelId() {
            return level == null ? "none" : level.id();
        }
    }

    /** The result of one apply: whether a level is in force, and every action's record. */
    public record Outcome(boolean applied, Level level, List<ActionRecord> actions) {
        public long count(ActionStatus status) {
            long count = 0;
            for (ActionRecord action : actions) {
                if (action.status() == status) {
                    count++;
                }
            }
            return count;
        }
    }

    private final Ledger ledger = new Ledger();
    private final Function<Profile, ? extends Iterable<Action>> actionsFor;
    private final Map<String, String> environment;
    private final int cpus;
    private final Consumer<State> onChange;
    private volatile State state = State.INITIAL;

    /**
     * @param actionsFor the actions that realise a profile on this JVM and host
     * @param cpus n of the level table: CPUs this process may use
     */
    public Optimizer(Function<Profile, ? extends Iterable<Action>> actionsFor, Map<String, String> environment, int cpus,
                     Consumer<State> onChange) {
        this.actionsFor = actionsFor;
        this.environment = environment;
        this.cpus = cpus;
        this.onChange = onChange;
    }

    /** Whether restore still has to put the setting {@code key} back. */
    public synchronized boolean holds(String key) {
        return ledger.holds(key);
    }

    /** Every applied setting that no longer reads what was applied. */
    public synchronized List<Drift> drift() {
        return ledger.drift();
    }

    /** Writes the applied value again to the settings named; one line each. */
    public synchronized List<String> reapply(Collection<String> keys) {
        return ledger.reapply(keys);
    }

    public synchronized int appliedSettings() {
        return ledger.appliedCount();
    }

    public State state() {
        return state;
    }

    /**
     * Tries the levels of {@code options} in order. A level that is not the last of its chain
     * must have no failed action, or it is rolled back completely and the next one tried. The
     * last is kept with whatever succeeded, unless {@code strict}, when it too is rolled back.
     */
    public synchronized Outcome apply(Options options) {
        LevelSpec spec = options.level();
        List<Profile> chain = Profile.chain(options, cpus, environment);
        List<ActionRecord> lastRecords = List.of();
        for (int i = 0; i < chain.size(); i++) {
            Profile profile = chain.get(i);
            Level level = profile.level();
            if (spec.isAuto(i)) {
                Log.info("level auto: %s=%s → %s", LevelSpec.ENV, environment.getOrDefault(LevelSpec.ENV, "(unset)"),
                        level);
            }
            Ledger.Transaction transaction = ledger.begin();
            List<ActionRecord> records = new ArrayList<>();
            for (Action action : actionsFor.apply(profile)) {
                long start = System.nanoTime();
                ActionRecord record = action.apply(transaction);
                recordInFlight(record);
                Log.debug("level %s: %s in %d ms", level, record, (System.nanoTime() - start) / 1_000_000);
                records.add(record);
            }
            // loops, not streams, on this path: a cold JVM pays each lambda's first use while the level goes in force
            List<ActionRecord> failed = new ArrayList<>();
            for (ActionRecord record : records) {
                if (record.status() == ActionStatus.FAILED) {
                    failed.add(record);
                    Log.warn("level %s: %s failed: %s", level, record.name(), record.detail());
                }
            }
            boolean last = i == chain.size() - 1;
            if (!failed.isEmpty() && (!last || options.strict())) {
                for (ActionRecord rolledBack : transaction.rollback()) {
                    recordInFlight(rolledBack);
                    Log.debug("rollback %s", rolledBack);
                }
                Log.warn("level %s: %d action(s) failed, rolled back%s", level, failed.size(),
                        last ? "" : "; trying " + chain.get(i + 1).level());
                lastRecords = records;
                continue;
            }
            List<ActionRecord> restoredByCommit = transaction.commit();
            for (ActionRecord restored : restoredByCommit) {
                recordInFlight(restored);
            }
            records.addAll(restoredByCommit);
            publish(new State(level, true, options, profile, List.copyOf(records)));
            Outcome outcome = new Outcome(true, level, state.actions());
            warnDenied(level, records);
            Log.info("level %s applied: %d applied, %d skipped, %d failed", level,
                    outcome.count(ActionStatus.APPLIED), outcome.count(ActionStatus.SKIPPED), failed.size());
            return outcome;
        }
        Log.error("no level of %s could be applied; %s", spec,
                state.applied() ? "level " + state.levelId() + " stays in force" : "nothing changed");
        return new Outcome(false, null, lastRecords);
    }

    /**
     * One warning per remedy for what was refused for want of privilege (an action skipped, or the
     * part of one it could not have): what the operator can do something about, said once, beside
     * the count of skips (most of which - a launch flag, one NUMA node - need nothing).
     */
    private static void warnDenied(Level level, List<ActionRecord> records) {
        Map<String, List<ActionRecord>> byRemedy = new LinkedHashMap<>();
        for (ActionRecord record : records) {
            if (!record.remedy().isEmpty()) {
                byRemedy.computeIfAbsent(record.remedy(), r -> new ArrayList<>()).add(record);
            }
        }
        for (Map.Entry<String, List<ActionRecord>> denied : byRemedy.entrySet()) {
            Log.warn("level %s: %s; %s", level, denied.getValue().stream()
                    .map(r -> r.name() + (r.status() == ActionStatus.SKIPPED ? " skipped (" + r.detail() + ")"
                            : " applied in part (" + r.detail().substring(r.detail().lastIndexOf("; ") + 2) + ")"))
                    .collect(Collectors.joining(", ")), denied.getKey());
        }
    }

    /** Returns every setting the agent changed to its original, newest first. */
    public synchronized List<ActionRecord> restore() {
        List<ActionRecord> records = ledger.restoreAll();
        records.forEach(Optimizer::recordInFlight);
        records.stream().filter(r -> r.status() == ActionStatus.FAILED)
                .forEach(r -> Log.warn("restore: %s failed: %s", r.name(), r.detail()));
        boolean complete = ledger.isEmpty();
        Log.info("restore: %d setting(s) restored%s", records.size(), complete ? "" : ", some failed (see Actions)");
        publish(new State(complete ? null : state.level(), !complete, state.options(), state.profile(),
                List.copyOf(records)));
        return records;
    }

    /** Each level of the chain planned against this JVM and host; changes nothing. */
    public Map<Level, List<Plan>> plan(Options options) {
        Map<Level, List<Plan>> plans = new LinkedHashMap<>();
        for (Profile profile : Profile.chain(options, cpus, environment)) {
            plans.computeIfAbsent(profile.level(), level -> {
                List<Plan> planned = new ArrayList<>();
                actionsFor.apply(profile).forEach(action -> planned.add(action.plan()));
                return planned;
            });
        }
        return plans;
    }

    /** A JFR event per action record, for a recording running now (none costs a volatile read). */
    private static void recordInFlight(ActionRecord record) {
        FlightEvents.action(record.name(), record.target(), record.status().id(), record.explained());
    }

    private void publish(State next) {
        state = next;
        try {
            onChange.accept(next);
        } catch (RuntimeException e) {
            Log.warn("state listener failed: %s", e);
        }
    }
}
