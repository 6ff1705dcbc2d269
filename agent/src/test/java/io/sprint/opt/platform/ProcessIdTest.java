package io.sprint.opt.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessIdTest {
    @Test
    void isThePidTheJdkKnowsThisProcessBy() {
        assertEquals(ProcessHandle.current().pid(), ProcessId.current());
    }
}
