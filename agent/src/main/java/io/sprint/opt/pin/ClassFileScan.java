package io.sprint.opt.pin;

import java.nio.charset.StandardCharsets;

/**
 * Reads just enough of a class file to tell whether it might be a Thread subclass with its own
 * {@code run()}: it must declare {@code run()V} and extend something other than Object. Run on
 * every class the JVM loads while the hook is on, so it allocates almost nothing and stops at the
 * first "no"; the weaver then checks the few candidates properly.
 */
final class ClassFileScan {
    private static final byte[] RUN = "run".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VOID_NO_ARGS = "()V".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OBJECT = "java/lang/Object".getBytes(StandardCharsets.US_ASCII);

    private ClassFileScan() {
    }

    static boolean mayOverrideThreadRun(byte[] b) {
        try {
            return scan(b);
        } catch (ArrayIndexOutOfBoundsException e) {
            return false; // not a class file we understand: the JVM will say so, not us
        }
    }

    private static boolean scan(byte[] b) {
        int count = u2(b, 8);
        int[] offsets = new int[count];
        int p = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = p;
            int tag = b[p] & 0xff;
            switch (tag) {
                case 1: p += 3 + u2(b, p + 1); break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: p += 5; break;
                case 5: case 6: p += 9; i++; break;
                case 7: case 8: case 16: case 19: case 20: p += 3; break;
                case 15: p += 4; break;
                default: return false;
            }
        }
        int superClass = u2(b, p + 4);
        if (superClass == 0 || utf8Is(b, offsets[u2(b, offsets[superClass] + 1)], OBJECT)) {
            return false;
        }
        p += 6;
        p += 2 + 2 * u2(b, p);
        p = skipMembers(b, p);
        int methods = u2(b, p);
        p += 2;
        for (int m = 0; m < methods; m++) {
            if (utf8Is(b, offsets[u2(b, p + 2)], RUN) && utf8Is(b, offsets[u2(b, p + 4)], VOID_NO_ARGS)) {
                return true;
            }
            p = skipAttributes(b, p + 6);
        }
        return false;
    }

    private static int skipMembers(byte[] b, int p) {
        int members = u2(b, p);
        p += 2;
        for (int i = 0; i < members; i++) {
            p = skipAttributes(b, p + 6);
        }
        return p;
    }

    private static int skipAttributes(byte[] b, int p) {
        int attributes = u2(b, p);
        p += 2;
        for (int i = 0; i < attributes; i++) {
            p += 6 + u4(b, p + 2);
        }
        return p;
    }

    private static boolean utf8Is(byte[] b, int offset, byte[] text) {
        if ((b[offset] & 0xff) != 1 || u2(b, offset + 1) != text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (b[offset + 3 + i] != text[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static int u4(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
}
