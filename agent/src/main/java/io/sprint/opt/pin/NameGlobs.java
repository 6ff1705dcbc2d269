package io.sprint.opt.pin;

import java.util.List;

/**
 * Thread-name globs from {@code pin=}: {@code *} any run of characters, {@code ?} one. Matched
 * without regex or allocation, since every thread start asks.
 */
public final class NameGlobs {
    private final List<String> globs;

    public NameGlobs(List<String> globs) {
        this.globs = List.copyOf(globs);
    }

    public List<String> globs() {
        return globs;
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    public boolean matches(String name) {
        for (int i = 0; i < globs.size(); i++) {
            if (matches(globs.get(i), name)) {
                return true;
            }
        }
        return false;
    }

    /** Greedy wildcard match with one backtrack point, linear in practice. */
    static boolean matches(String glob, String name) {
        int g = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = n;
            } else if (star >= 0) {
                g = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameGlobs && ((NameGlobs) o).globs.equals(globs);
    }

    @Override
    public int hashCode() {
        return globs.hashCode();
    }

    @Override
    public String toString() {
        return String.join(";", globs);
    }
}
