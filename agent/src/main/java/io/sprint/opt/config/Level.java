package io.sprint.opt.config;

import java.util.Locale;

/** The five profiles, in order of strength; the ordinal is the runtime_optimization_level gauge. */
public enum Level {
    BASIC, STANDARD, AGGRESSIVE, ENTERPRISE, TURBO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level byId(String id) {
        for (Level level : values()) {
            if (level.id().equals(id)) {
                return level;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id();
    }
}
