package io.sprint.opt.e2e;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every e2e test (registered for all by service loading): the host-wide settings are read before
 * the first test, and after each test they must be as they were. A test that leaves them changed
 * fails, and the guard puts them back itself, so that the next test and the next session on this
 * shared host start from the same state. Journals of JVMs a test killed with -9 are put back
 * first with {@code restore --stale}, as an operator would.
 */
public final class HostGuard implements BeforeAllCallback, AfterEachCallback {
    private static Map<Path, String> before;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (HostGuard.class) {
            if (before == null && OsState.isRoot()) {
                before = HostSettings.snapshot();
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (before == null) {
            return;
        }
        if (!HostSettings.journals().isEmpty() || !HostSettings.changedSince(before).isEmpty()) {
            Run.cli("restore", "--stale");
        }
        Map<Path, String> left = HostSettings.changedSince(before);
        if (!left.isEmpty()) {
            for (Path file : left.keySet()) {
                HostSettings.write(file, before.get(file));
            }
            throw new AssertionError("host-wide settings left changed (now put back by the guard): " + left);
        }
    }
}
