package io.sprint.opt.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code level} option: one level, {@code auto}, or a fallback chain tried left to right
 * ({@code turbo>enterprise>basic}), the seed's graceful degradation.
 */
public final class LevelSpec {
    /** Environment variable read by {@code level=auto}, the seed's environment-based configuration. */
    public static final String ENV = "SPRINT_OPT_ENV";
    private static final String AUTO = "auto";
    private static final Map<String, Level> BY_ENVIRONMENT = Map.of(
            "development", Level.BASIC,
            "staging", Level.AGGRESSIVE,
            "production", Level.ENTERPRISE,
            "hft", Level.TURBO);

    private final List<String> choices;

    private LevelSpec(List<String> choices) {
        this.choices = List.copyOf(choices);
    }

    public static LevelSpec of(Level level) {
        return new LevelSpec(List.of(level.id()));
    }

    /** @throws IllegalArgumentException when an element is neither a level nor auto */
    public static LevelSpec parse(String text) {
        List<String> choices = new ArrayList<>();
        for (String part : text.split(">", -1)) {
            String choice = part.trim().toLowerCase(Locale.ROOT);
            if (!AUTO.equals(choice) && Level.byId(choice) == null) {
                throw new IllegalArgumentException(part);
            }
            choices.add(choice);
        }
        return new LevelSpec(choices);
    }

    public int size() {
        return choices.size();
    }

    /** The level tried at {@code index}; auto reads {@value #ENV} from {@code environment}. */
    public Level resolve(int index, Map<String, String> environment) {
        String choice = choices.get(index);
        if (!AUTO.equals(choice)) {
            return Level.byId(choice);
        }
        String env = environment.get(ENV);
        Level level = env == null ? null : BY_ENVIRONMENT.get(env.trim().toLowerCase(Locale.ROOT));
        return level == null ? Level.BASIC : level;
    }

    public boolean isAuto(int index) {
        return AUTO.equals(choices.get(index));
    }

    @Override
    public String toString() {
        return String.join(">", choices);
    }
}
