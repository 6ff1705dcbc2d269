package io.sprint.opt.platform;

/**
 * An OS layer that offers nothing: a JVM where the layer could not load at all (no JNA native
 * library, an OS without a layer). Every call is refused with the one reason.
 */
public final class UnsupportedPlatform implements Platform {
    private final String reason;

    public UnsupportedPlatform(String reason) {
        this.reason = reason;
    }

    @Override
    public String name() {
        return "unsupported (" + reason + ")";
    }

    @Override
    public String missing(Capability capability) {
        return reason;
    }

    @Override
    public String remedy(Capability capability) {
        return "";
    }

    @Override
    public OsException unsupported(Capability capability) {
        return OsException.unavailable(reason);
    }
}
