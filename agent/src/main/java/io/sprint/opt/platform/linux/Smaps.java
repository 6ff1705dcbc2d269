package io.sprint.opt.platform.linux;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads /proc/self/smaps: which mappings carry which VmFlags. The kernel lists mappings by
 * address and computes each one's figures (a page-table walk) as it is read, holding the
 * process's mmap lock, which every thread start and end also needs. A JVM with thousands of
 * threads has tens of thousands of mappings, mostly stacks above the heap: reading the whole
 * file under thread churn took minutes. So the read stops at the first mapping past the range
 * asked about.
 */
final class Smaps {
    private Smaps() {
    }

    /**
     * Whether every mapping overlapping [start, end) has the {@code hg} flag (MADV_HUGEPAGE), and
     * there is at least one. Reads {@code smaps} only up to the first mapping at or after {@code end}.
     */
    static boolean allAdvised(BufferedReader smaps, long start, long end) throws IOException {
        boolean overlapping = false;
        boolean seen = false;
        for (String line = smaps.readLine(); line != null; line = smaps.readLine()) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && isHex(line.substring(0, dash))) {
                long from = Long.parseUnsignedLong(line.substring(0, dash), 16);
                if (Long.compareUnsigned(from, end) >= 0) {
                    break;
                }
                long to = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                overlapping = Long.compareUnsigned(to, start) > 0;
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
