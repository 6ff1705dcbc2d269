package io.sprint.opt.core;

import io.sprint.opt.journal.HostJournal;
import io.sprint.opt.log.Log;
import io.sprint.opt.threads.AgentThreads;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the JVM's exit does to host-wide settings it changed, which would otherwise outlive it:
 * puts them back ({@code on-exit=restore}), or keeps the host tuned and its journal for
 * {@code restore --stale} ({@code on-exit=keep}: tuned's lesson that putting a host back at exit
 * can itself cause the spike a latency service must not see).
 */
final class HostExit {
    private final Object lock;
    private final BooleanSupplier restoreOnExit;
    private boolean installed;

    /** @param lock held while restoring: no apply may run beside it */
    HostExit(Object lock, BooleanSupplier restoreOnExit) {
        this.lock = lock;
        this.restoreOnExit = restoreOnExit;
    }

    /** Installs the shutdown hook once a journal holds something; a JVM that never has one runs no hook. */
    synchronized void watch() {
        if (installed || allEmpty()) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(AgentThreads.daemon("sprint-opt-exit", new AtExit()));
            installed = true;
        } catch (IllegalStateException e) {
            // already shutting down: the journal stays for restore --stale
        }
    }

    private static boolean allEmpty() {
        for (HostJournal journal : HostJournal.every()) {
            if (!journal.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The hook's work; a class, not a method reference: it is installed while a level goes in force. */
    private final class AtExit implements Runnable {
        @Override
        public void run() {
            restoreJournals();
        }
    }

    private void restoreJournals() {
        synchronized (lock) {
            for (HostJournal journal : HostJournal.every()) {
                if (journal.isEmpty()) {
                    continue;
                }
                if (!restoreOnExit.getAsBoolean()) {
                    Log.info("exit: host-wide settings kept (on-exit=keep); java -jar sprint-opt.jar restore --stale"
                            + " puts them back: %s", journal.path());
                    continue;
                }
                List<String> lines = journal.restore();
                Log.info("exit: host-wide settings put back: %s", String.join("; ", lines));
            }
        }
    }
}
