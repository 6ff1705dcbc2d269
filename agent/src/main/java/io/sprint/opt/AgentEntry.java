package io.sprint.opt;

import io.sprint.opt.config.Options;
import io.sprint.opt.config.OptionsParser;
import io.sprint.opt.log.Log;
import java.lang.instrument.Instrumentation;
import java.util.regex.Pattern;

/**
 * Called by the boot class for premain and agentmain. Never throws, except
 * IllegalStateException when {@code strict=true} wants start-up (or attach) to fail.
 */
public final class AgentEntry {
    private static final Pattern STRICT = Pattern.compile("(^|,)\\s*strict\\s*=\\s*true\\s*(,|$)",
            Pattern.CASE_INSENSITIVE);
    private static AgentRuntime runtime;

    private AgentEntry() {
    }

    public static synchronized void start(String args, Instrumentation inst, boolean attached) {
        boolean strict = args != null && STRICT.matcher(args).find();
        try {
            Options options;
            try {
                options = OptionsParser.parse(args);
            } catch (IllegalArgumentException e) {
                fail(strict, e.getMessage());
                Log.error("%s; nothing applied, the application runs unchanged", e.getMessage());
                ensureRuntime(attached);
                return;
            }
            Log.setVerbosity(options.log());
            Log.debug("%s %s, options '%s'", attached ? "agentmain" : "premain", Version.VALUE, args);
            boolean applied = ensureRuntime(attached).apply(options).applied();
            if (!applied) {
                fail(strict, "no level of " + options.level() + " could be applied");
            }
        } catch (IllegalStateException e) {
            if (strict) {
                throw e;
            }
            Log.error("agent failed, the application runs unchanged: %s", e);
        } catch (RuntimeException | LinkageError e) {
            Log.error("agent failed, the application runs unchanged: %s", e);
            fail(strict, e.toString());
        }
    }

    private static AgentRuntime ensureRuntime(boolean attached) {
        if (runtime == null) {
            runtime = AgentRuntime.start(attached);
        }
        return runtime;
    }

    private static void fail(boolean strict, String reason) {
        if (strict) {
            throw new IllegalStateException("strict=true: " + reason);
        }
    }
}
