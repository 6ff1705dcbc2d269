package io.sprint.opt.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

/**
 * What a test needs from the machine beyond the JDK (a Docker engine, an X server): a developer
 * without it gets a skip with the reason; CI, which sets SPRINT_OPT_REQUIRE (e.g. "docker,xvfb"),
 * gets a failure instead, so that a test it relies on can never pass by being skipped.
 */
final class Required {
    private Required() {
    }

    static void orSkip(String need, boolean present, String why) {
        if (present) {
            return;
        }
        String required = System.getenv().getOrDefault("SPRINT_OPT_REQUIRE", "");
        if (List.of(required.split(",")).contains(need)) {
            fail(why + ", and SPRINT_OPT_REQUIRE names " + need);
        }
        assumeTrue(false, why);
    }
}
