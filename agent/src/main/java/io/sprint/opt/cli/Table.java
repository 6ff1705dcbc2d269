package io.sprint.opt.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned text columns for a terminal of {@value #WIDTH} columns: the last column wraps under
 * itself, and a row's detail (a sentence: why an action was skipped, what a check advises) goes
 * on the lines below the row, indented and wrapped, instead of widening the table.
 */
final class Table {
    static final int WIDTH = 100;
    private static final String DETAIL_INDENT = "    ";

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
        details.add("");
    }

    Table row(Object... cells) {
        return rowWithDetail("", cells);
    }

    /** A row and the sentence printed under it ("" for none). */
    Table rowWithDetail(Object detail, Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
        details.add(detail == null ? "" : String.valueOf(detail));
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    void print(PrintStream out, String indent) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns - 1; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            String continuation = " ".repeat(line.length());
            List<String> last = wrap(row[columns - 1], Math.max(20, WIDTH - line.length()));
            out.println((line + last.get(0)).stripTrailing());
            for (String more : last.subList(1, last.size())) {
                out.println(continuation + more);
            }
            String detailIndent = indent + DETAIL_INDENT;
            if (!details.get(r).isEmpty()) {
                for (String detail : wrap(details.get(r), WIDTH - detailIndent.length())) {
                    out.println(detailIndent + detail);
                }
            }
        }
    }

    /** Words filled into lines of at most {@code width}; a longer word is cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
