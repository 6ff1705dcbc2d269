package io.sprint.opt.cli;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import javax.management.openmbean.CompositeData;

/** Enough JSON for {@code status --json}: maps, lists, arrays, CompositeData, strings, numbers. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CompositeData) {
            CompositeData data = (CompositeData) value;
            out.append('{');
            boolean first = true;
            for (String key : data.getCompositeType().keySet()) {
                first = comma(first, out);
                string(key, out);
                out.append(':');
                write(data.get(key), out);
            }
            out.append('}');
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                first = comma(first, out);
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Object[] || value instanceof Collection) {
            Iterable<?> items = value instanceof Object[] ? Arrays.asList((Object[]) value)
                    : (Collection<?>) value;
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                first = comma(first, out);
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Double && !Double.isFinite((Double) value)) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    private static boolean comma(boolean first, StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    // non-ASCII escaped too: the JSON stays exact whatever stdout's charset (a container's
                    // POSIX locale turned "→" into "?")
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
