package dictbench.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a {@link Table} is written. The formats share the table model and differ only in rendering:
 * Markdown pipes, CSV (RFC 4180 quoting, one header row, for spreadsheets and scripts), HTML.
 */
public interface TableFormat {

    public String render(Table table);

    TableFormat MARKDOWN = table -> {
        StringBuilder out = new StringBuilder();
        out.append(row(table.header()));
        out.append(table.numeric().stream().map(n -> n ? "---:" : "---").collect(Collectors.joining("|", "|", "|\n")));
        table.rows().forEach(r -> out.append(row(r.stream().map(c -> c.replace("|", "\\|")).toList())));
        return out.toString();
    };

    TableFormat CSV = table -> {
        StringBuilder out = new StringBuilder();
        out.append(csvLine(table.header()));
        table.rows().forEach(r -> out.append(csvLine(r)));
        return out.toString();
    };

    TableFormat HTML = table -> {
        StringBuilder out = new StringBuilder("<table>\n<tr>");
        for (int i = 0; i < table.header().size(); i++) {
            out.append(cell("th", table.header().get(i), table.numeric().get(i)));
        }
        out.append("</tr>\n");
        for (List<String> r : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                out.append(cell("td", r.get(i), table.numeric().get(i)));
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    };

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String csvLine(List<String> cells) {
        return cells.stream()
                .map(c -> c.matches(".*[\",\\n\\r].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                .collect(Collectors.joining(",", "", "\n"));
    }

    private static String cell(String tag, String text, boolean numeric) {
        return "<" + tag + (numeric ? " class=\"num\"" : "") + ">" + Svg.escape(text) + "</" + tag + ">";
    }
}
