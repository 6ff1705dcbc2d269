package io.sprint.opt.jvm;

import io.sprint.opt.action.Action;
import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.Irreversible;
import io.sprint.opt.action.Ledger;
import io.sprint.opt.action.Plan;
import io.sprint.opt.action.Setting;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ForkJoinPool;

/**
 * Max threads as the common ForkJoinPool's parallelism. JDK 19+ can change a running common
 * pool ({@code ForkJoinPool#setParallelism}); JDK 17 reads the system property once, when the
 * pool is first used, so there it works only from premain, before the application touches the
 * pool, and cannot be undone.
 */
final class CommonPoolAction implements Action {
    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
    private static final String NAME = "common-pool-parallelism";
    private static final Method SET_PARALLELISM = setParallelism();

    private final int target;
    private final Setting<Integer> parallelism = new Parallelism();

    CommonPoolAction(int target) {
        this.target = target;
    }

    /** JDK 19+. Reflection rather than a method handle: cheaper on the start-up path. */
    private static Method setParallelism() {
        try {
            return ForkJoinPool.class.getMethod("setParallelism", int.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan() {
        if (SET_PARALLELISM != null) {
            return Plan.apply(NAME, Integer.toString(target),
                    "common pool parallelism " + ForkJoinPool.getCommonPoolParallelism() + " → " + target);
        }
        return Plan.apply(NAME, Integer.toString(target), "JDK " + Runtime.version().feature()
                + " fixes it when the pool is first used: applied only at start-up, before that, and kept until"
                + " restart");
    }

    @Override
    public ActionRecord apply(Ledger.Transaction transaction) {
        String goal = Integer.toString(target);
        try {
            if (SET_PARALLELISM != null) {
                return ActionRecord.applied(NAME, goal, transaction.set(NAME, parallelism, target));
            }
            return applyBeforeFirstUse(transaction, goal);
        } catch (Exception e) {
            return ActionRecord.failed(NAME, goal, "common pool parallelism → " + target + ": " + Ledger.describe(e));
        }
    }

    private ActionRecord applyBeforeFirstUse(Ledger.Transaction transaction, String goal) {
        String given = System.getProperty(PROPERTY);
        int wouldBe = defaultParallelism(given);
        System.setProperty(PROPERTY, goal);
        int actual;
        try {
            actual = ForkJoinPool.getCommonPoolParallelism();
        } finally {
            restoreProperty(given);
        }
        if (actual != target) {
            return ActionRecord.skipped(NAME, goal, "the common pool already runs with parallelism " + actual
                    + " and JDK " + Runtime.version().feature() + " cannot change it; launch with -D" + PROPERTY
                    + "=" + target);
        }
        transaction.record(NAME, parallelism, wouldBe);
        return ActionRecord.applied(NAME, goal, "common pool parallelism " + wouldBe + " → " + actual
                + " (set before first use)");
    }

    private static void restoreProperty(String given) {
        if (given == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, given);
        }
    }

    /** What the pool would have had without us, as ForkJoinPool computes it. */
    private static int defaultParallelism(String given) {
        if (given != null) {
            try {
                return Integer.parseInt(given.trim());
            } catch (NumberFormatException ignored) {
                // the JDK ignores a malformed property too
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    private static final class Parallelism implements Setting<Integer> {
        @Override
        public String key() {
            return "common pool parallelism";
        }

        @Override
        public Integer read() {
            return ForkJoinPool.getCommonPoolParallelism();
        }

        @Override
        public void write(Integer value) throws Exception {
            if (SET_PARALLELISM == null) {
                throw new Irreversible("JDK " + Runtime.version().feature() + " cannot change a started common pool;"
                        + " it keeps parallelism " + read() + " until restart");
            }
            try {
                SET_PARALLELISM.invoke(ForkJoinPool.commonPool(), value);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
        }
    }
}
