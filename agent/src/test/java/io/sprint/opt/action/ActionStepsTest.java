package io.sprint.opt.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Actions built as they are reached, and a step that cannot be built is a failure, not an exception. */
class ActionStepsTest {
    private static Action skipped(String name) {
        return new Skipped(name, "", "test");
    }

    @Test
    void eachStepIsBuiltWhenTheOneBeforeHasBeenTaken() {
        List<String> events = new ArrayList<>();
        ActionSteps steps = new ActionSteps(List.of(
                new ActionSteps.Step("first", () -> {
                    events.add("build first");
                    return List.of(skipped("a"), skipped("b"));
                }),
                new ActionSteps.Step("empty", List::of),
                new ActionSteps.Step("second", () -> {
                    events.add("build second");
                    return List.of(skipped("c"));
                })));
        assertEquals(List.of(), events);
        for (Action action : steps) {
            events.add("take " + action.name());
        }
        assertEquals(List.of("build first", "take a", "take b", "build second", "take c"), events);
    }

    @Test
    void aStepThatThrowsIsOneFailedActionAndTheNextStepsStillCome() {
        ActionSteps steps = new ActionSteps(List.of(
                new ActionSteps.Step("host-reads", () -> {
                    throw new IllegalStateException("/proc/self/status: unreadable");
                }),
                new ActionSteps.Step("second", () -> List.of(skipped("c")))));
        List<ActionRecord> records = new ArrayList<>();
        Ledger.Transaction transaction = new Ledger().begin();
        steps.forEach(action -> records.add(action.apply(transaction)));
        assertEquals(2, records.size());
        assertEquals(ActionStatus.FAILED, records.get(0).status());
        assertEquals("host-reads", records.get(0).name());
        assertEquals("could not be planned: /proc/self/status: unreadable", records.get(0).detail());
        assertEquals("c", records.get(1).name());
        assertEquals(Plan.Verdict.FAIL, steps.iterator().next().plan().verdict());
    }
}
