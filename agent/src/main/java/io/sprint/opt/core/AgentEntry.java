package io.sprint.opt.core;

import io.sprint.opt.config.Options;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.config.Profile;
import io.sprint.opt.jdk.MissingModule;
import io.sprint.opt.log.Log;
import io.sprint.opt.threads.AgentThreads;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Called by the boot class for premain and agentmain. Never throws, except
 * IllegalStateException when {@code strict=true} wants start-up (or attach) to fail.
 *
 * <p>At start-up only the options are read on the application's thread; the level is applied
 * by the daemon thread {@code sprint-opt}, because reaching HotSpot's flags and building the
 * level's actions cost tens of ms that would otherwise delay main. {@code strict=true} applies
 * before main instead: it must be able to stop the JVM. Dynamic attach applies on the attach
 * thread, so the attach command reports the result.
 */
public final class AgentEntry {
    /**
     * The agent arguments with which the attach command loads the agent: create the runtime and
     * its MBean, apply nothing. The command then applies its options through the MBean, whose
     * answer is that call's own result, whatever other commands do to the JVM meanwhile.
     */
    public static final String LOAD_ONLY = "--load-only";
    private static final long JNA_WAIT_SECONDS = 10;
    private static AgentRuntime runtime;

    private AgentEntry() {
    }

    public static void start(String args, Instrumentation inst, boolean attached) {
        if (attached && LOAD_ONLY.equals(args)) {
            AgentRuntime created = applyNow(null, false, inst);
            if (created != null) {
                created.publish(false);
            }
            return;
        }
        boolean strict = isStrict(args);
        Options options = null;
        try {
            options = OptionsParser.parse(args);
            Log.setVerbosity(options.log());
            if (Log.verbosity() == Log.Verbosity.DEBUG) {
                Log.debug("%s %s, options '%s'", attached ? "agentmain" : "premain", Version.VALUE, args);
            }
        } catch (IllegalArgumentException e) {
            fail(strict, e.getMessage());
            Log.error("%s; nothing applied, the application runs unchanged", e.getMessage());
        }
        Options chosen = options;
        if (attached) {
            AgentRuntime created = applyNow(chosen, strict, inst);
            if (created != null) {
                created.publish(false);
            }
        } else if (strict) {
            // JNA starts while this thread reaches HotSpot's flags: nothing of the application runs before premain returns
            LoadOsLayer load = prepareOsLayer(chosen, true);
            try {
                AgentRuntime created = applyNow(chosen, true, inst);
                if (created != null) {
                    daemon(new Publish(created));
                }
            } finally {
                awaitJna(load);
            }
        } else {
            daemon(new StartUp(chosen, inst)); // reaches HotSpot's flags meanwhile
            awaitJna(prepareOsLayer(chosen, false));
        }
    }

    /**
     * The start-up work, off the application's thread. A named class, not a lambda: the first
     * lambda of a JVM bootstraps the lambda machinery, milliseconds on the start-up path.
     */
    private static final class StartUp implements Runnable {
        private final Options options;
        private final Instrumentation inst;

        StartUp(Options options, Instrumentation inst) {
            this.options = options;
            this.inst = inst;
        }

        @Override
        public void run() {
            // At once: nothing on this path initialises java.util.logging (see DependencyLogger)
            AgentRuntime created = applyNow(options, false, inst);
            if (created != null) {
                created.publish(true);
            }
        }
    }

    /** Registers the MBean of a runtime applied before main (strict), once that is safe. */
    private static final class Publish implements Runnable {
        private final AgentRuntime runtime;

        Publish(AgentRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public void run() {
            runtime.publish(true);
        }
    }

    /** Applies {@code options} (null: none) and returns the runtime if this call created it. */
    private static AgentRuntime applyNow(Options options, boolean strict, Instrumentation inst) {
        try {
            synchronized (AgentEntry.class) {
                AgentRuntime created = null;
                if (runtime == null) {
                    runtime = AgentRuntime.create(inst);
                    created = runtime;
                }
                if (options != null && !runtime.apply(options).applied()) {
                    fail(strict, "no level of " + options.level() + " could be applied");
                }
                return created;
            }
        } catch (IllegalStateException e) {
            if (strict) {
                throw e;
            }
            Log.error("agent failed, the application runs unchanged: %s", e);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            Log.error("agent failed, the application runs unchanged: %s", MissingModule.describe(e));
            fail(strict, e.toString());
        }
        return null;
    }

    /**
     * Initialises JNA, then lets premain go on, then binds the OS layer and works ahead for the
     * level ({@link OsPrefetch}). Its own class, not a lambda (see {@link StartUp}); its own
     * thread, because premain runs on the application's main thread, whose stack may be tiny
     * ({@code -Xss136k}, as {@code flags turbo} recommends).
     */
    private static final class LoadOsLayer implements Runnable {
        private final CountDownLatch jnaReady = new CountDownLatch(1);
        private final Profile profile;

        /** @param profile the level to work ahead for, or null for none (without strict=true) */
        LoadOsLayer(Profile profile) {
            this.profile = profile;
        }

        @Override
        public void run() {
            try {
                OsLayer.loadJnaBeforeApplication();
            } finally {
                jnaReady.countDown();
            }
            OsLayer.platform();
            if (profile != null) {
                OsPrefetch.ahead(profile);
            }
        }

        /** Bounded: a JNA start that hangs must not hold main back for good. */
        void awaitJna() {
            try {
                if (!jnaReady.await(JNA_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    Log.warn("JNA did not start within %d s; the application starts meanwhile", JNA_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * In premain, when the level has OS fields: starts initialising JNA, which must be done
     * before premain returns to the application, where its fast start is safe (see
     * {@link OsLayer#loadJnaBeforeApplication()}); that thread then binds the OS layer while the
     * level's thread reaches HotSpot's flags, and the first action that needs the layer waits for
     * it. The JDK's CPU count stands in for the host's here: reading the host's costs tens of ms
     * of cold start-up, and no level's need for the OS layer depends on it.
     *
     * @param strict whether the level is applied before main, which is when that thread also works
     *     ahead for it ({@link OsPrefetch})
     * @return the load to await before premain returns, or null when there is none
     */
    private static LoadOsLayer prepareOsLayer(Options options, boolean strict) {
        if (options == null) {
            return null;
        }
        try {
            int cpus = Runtime.getRuntime().availableProcessors();
            for (Profile profile : Profile.chain(options, cpus, System.getenv())) {
                if (profile.needsOs()) {
                    LoadOsLayer load = new LoadOsLayer(strict ? profile : null);
                    AgentThreads.daemon("sprint-opt-os", load).start();
                    return load;
                }
            }
        } catch (RuntimeException e) {
            Log.debug("OS layer loads with the level instead: %s", e);
        }
        return null;
    }

    private static void awaitJna(LoadOsLayer load) {
        if (load != null) {
            load.awaitJna();
        }
    }

    private static void daemon(Runnable work) {
        AgentThreads.daemon("sprint-opt", work).start();
    }

    /** Whether the raw options ask for strict, even when they do not parse. */
    private static boolean isStrict(String args) {
        if (args == null) {
            return false;
        }
        for (String token : args.split(",")) {
            int eq = token.indexOf('=');
            if (eq > 0 && token.substring(0, eq).trim().equals("strict")
                    && token.substring(eq + 1).trim().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    private static void fail(boolean strict, String reason) {
        if (strict) {
            throw new IllegalStateException("strict=true: " + reason);
        }
    }
}
