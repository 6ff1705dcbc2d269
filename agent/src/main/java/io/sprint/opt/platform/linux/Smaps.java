package io.sprint.opt.platform.linux;

/** Reads /proc/self/smaps: which mappings carry which VmFlags. */
final class Smaps {
    private Smaps() {
    }

    /**
     * Whether every mapping overlapping [start, end) has the {@code hg} flag (MADV_HUGEPAGE), and
     * there is at least one.
     */
    static boolean allAdvised(String smaps, long start, long end) {
        boolean overlapping = false;
        boolean seen = false;
        for (String line : smaps.split("\n")) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && isHex(line.substring(0, dash))) {
                long from = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long to = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                overlapping = from < end && to > start;
            } else if (overlapping && line.startsWith("VmFlags:")) {
                if (!(" " + line.substring("VmFlags:".length()) + " ").contains(" hg ")) {
                    return false;
                }
                seen = true;
            }
        }
        return seen;
    }

    private static boolean isHex(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
