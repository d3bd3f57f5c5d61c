package dictbench.format;

import java.util.List;

/**
 * A table ready to render: a title that says which environment and dataset it came from, a header,
 * rows of formatted cells, and notes below it. Numeric columns are right-aligned in Markdown and HTML.
 *
 * @param title   one line, e.g. {@code Headline — default / binary}
 * @param header  column names
 * @param numeric per column, whether it holds numbers (right-aligned)
 * @param rows    each with as many cells as the header
 * @param notes   sentences printed under the table, e.g. why a fit is n/a
 */
public record Table(String title, List<String> header, List<Boolean> numeric, List<List<String>> rows, List<String> notes) {

    public Table {
        header = List.copyOf(header);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
        if (numeric.size() != header.size()) {
            throw new IllegalArgumentException("numeric: one flag per column (" + header.size() + "), got " + numeric.size());
        }
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("rows: every row needs " + header.size() + " cells, got " + row);
            }
        }
    }

    /** Builds a table whose first {@code textColumns} columns are text and the rest numbers. */
    public static Table of(String title, List<String> header, int textColumns, List<List<String>> rows, List<String> notes) {
        List<Boolean> numeric = new java.util.ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            numeric.add(i >= textColumns);
        }
        return new Table(title, header, numeric, rows, notes);
    }
}
