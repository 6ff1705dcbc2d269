package io.sprint.opt.platform;

/**
 * For tests of the actions: an OS layer that has none of the capabilities ("… is not supported
 * on this OS"), for a test to extend with the few an OS under study has (the real layers are
 * exercised end to end).
 */
public class RefusingPlatform implements Platform {
    @Override
    public String name() {
        return "this OS";
    }

    /** Every capability missing, unless a subclass says it has it. */
    @Override
    public String missing(Capability capability) {
        return capability.what();
    }

    @Override
    public String remedy(Capability capability) {
        return "";
    }
}
