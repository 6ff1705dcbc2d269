package io.sprint.opt.action;

/**
 * One change a level asks for. {@link #plan()} decides without touching anything;
 * {@link #apply} makes the change through the ledger, which records the original for restore.
 */
public interface Action {
    String name();

    Plan plan();

    /** Never throws: a failure is a {@link ActionStatus#FAILED} record. */
    ActionRecord apply(Ledger.Transaction transaction);
}
