package io.sprint.opt.action;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A level's actions, built one step at a time as the ledger reaches them: the first step's
 * actions are in force before a later step has read the host for its own, which costs tens of
 * milliseconds in a cold JVM. A step that throws becomes one failed action named for the step,
 * so that what came before it is still rolled back or kept by the ledger's rules.
 */
public final class ActionSteps implements Iterable<Action> {
    /** Actions built when reached; {@code name} stands for them if building them fails. */
    public record Step(String name, Supplier<List<Action>> actions) {
    }

    private final List<Step> steps;

    public ActionSteps(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public Iterator<Action> iterator() {
        return new Iterator<>() {
            private final Iterator<Step> next = steps.iterator();
            private Iterator<Action> current = List.<Action>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next.hasNext()) {
                    current = build(next.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Action next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private static List<Action> build(Step step) {
        try {
            return step.actions().get();
        } catch (RuntimeException e) {
            return List.of(new Unbuilt(step.name(), Ledger.describe(e)));
        }
    }

    /** A step whose actions could not be built: a failure, never a thrown exception mid-apply. */
    private record Unbuilt(String name, String why) implements Action {
        @Override
        public Plan plan() {
            return Plan.fail(name, "", "could not be planned: " + why);
        }

        @Override
        public ActionRecord apply(Ledger.Transaction transaction) {
            return ActionRecord.failed(name, "", "could not be planned: " + why);
        }
    }
}
