package dictbench.gate;

import dictbench.format.Cells;
import dictbench.format.OutputFormat;
import dictbench.format.Table;
import dictbench.format.TableFormat;
import dictbench.results.Environment;
import dictbench.stats.PerformanceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The gate's summary as GitHub-flavoured Markdown, fit for a pull-request comment or a job summary:
 * a headline (pass or fail), an environment warning when the comparison was forced, one row per
 * benchmark (worst first) with both medians beside the ratio, why each non-UNCHANGED verdict was given,
 * what only one run has, and how to read it all.
 */
public final class MarkdownFormat implements OutputFormat<Comparison> {

    /** Marks every verdict of a forced comparison across environments. */
    static final String FORCED = "†";

    @Override
    public String fileName() {
        return "gate.md";
    }

    /** What made a side's run, where its environment records it (runs recorded before it did have no line). */
    private static void runLine(String side, Optional<Environment> environment, StringBuilder out) {
        environment.map(Environment::run).ifPresent(run -> out.append(side).append(": ").append(escape(run.describe())).append(".\n\n"));
    }

    @Override
    public String render(Comparison report) {
        PerformanceChange.Settings s = report.settings();
        String conf = Sentences.number(100 * s.confidence()) + "%";
        String correction = s.correction().displayName();
        boolean forced = !report.environment().matches();
        StringBuilder out = new StringBuilder();
        long regressed = report.count(PerformanceChange.Verdict.REGRESSED);
        out.append("## dictbench performance gate: ")
                .append(!report.failed() ? "pass, no regression" : "FAIL, " + regressed + " regressed"
                        + (report.onlyInBaseline().isEmpty() ? "" : ", " + report.onlyInBaseline().size() + " missing from the current run"))
                .append("\n\n");
        out.append(report.count(PerformanceChange.Verdict.REGRESSED)).append(" regressed · ")
                .append(report.count(PerformanceChange.Verdict.IMPROVED)).append(" improved · ")
                .append(report.count(PerformanceChange.Verdict.UNCHANGED)).append(" unchanged · ")
                .append(report.count(PerformanceChange.Verdict.INCONCLUSIVE)).append(" inconclusive, of ")
                .append(report.rows().size()).append(" benchmarks compared (threshold ").append(Sentences.number(100 * s.threshold()))
                .append("%, α = ").append(Sentences.number(s.alpha())).append(", ").append(correction).append(").\n\n");
        runLine("Baseline", report.environment().baseline(), out);
        runLine("Current", report.environment().current(), out);
        if (forced) {
            out.append("> **Warning: the environments differ** and were compared anyway (`--allow-env-mismatch`): ")
                    .append(escape(String.join("; ", report.environment().differences())))
                    .append(" (baseline vs current). Verdicts marked ").append(FORCED)
                    .append(" may reflect the machines, not the change.\n\n");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row row : report.rowsBySeverity()) {
            PerformanceChange.Result r = row.result();
            String unit = row.pair().current().unit();
            rows.add(List.of(verdict(r.verdict()) + (forced ? " " + FORCED : ""), "`" + row.pair().name() + "`",
                    Cells.time(row.baseline(), unit), Cells.time(row.current(), unit),
                    String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.ratio().value(), r.ratio().ci().lower(), r.ratio().ci().upper()),
                    Sentences.change(r), p(r.adjustedPValue())));
        }
        out.append(TableFormat.MARKDOWN.render(new Table("", List.of("verdict", "benchmark", "baseline median [" + conf + " CI]",
                "current median [" + conf + " CI]", "current/baseline [" + conf + " CI] (the change column says which way is better)", "change", "p (" + correction + ")"),
                List.of(false, false, true, true, true, false, true), rows, List.of())));
        List<Comparison.Row> explained = report.rowsBySeverity().stream()
                .filter(r -> r.verdict() != PerformanceChange.Verdict.UNCHANGED).toList();
        if (!explained.isEmpty()) {
            out.append("\n**Why**\n\n");
            for (Comparison.Row row : explained) {
                out.append("- `").append(escape(row.pair().name())).append("` ").append(row.verdict()).append(": ")
                        .append(escape(Sentences.reason(row.result(), s))).append('\n');
            }
        }
        unmatched(out, "Only in the baseline (not compared)", report.onlyInBaseline());
        unmatched(out, "Only in the current run (new, not compared)", report.onlyInCurrent());
        out.append("\n<details><summary>How to read this</summary>\n\n")
                .append("- **REGRESSED**: the ").append(correction).append("-adjusted Mann–Whitney p is below ")
                .append(Sentences.number(s.alpha())).append(" and the whole ").append(conf)
                .append(" bootstrap CI of the slowdown lies beyond ").append(Sentences.number(100 * s.threshold()))
                .append("% worse. Only this verdict fails the gate (exit code 1).\n")
                .append("- **IMPROVED**: the mirror image, beyond ").append(Sentences.number(100 * s.threshold())).append("% better.\n")
                .append("- **UNCHANGED**: the whole CI lies within ±").append(Sentences.number(100 * s.threshold()))
                .append("%: any change is smaller than the threshold.\n")
                .append("- **INCONCLUSIVE**: too few forks or shots for the test, or a CI that straddles the threshold; ")
                .append("*Why* says how many shots would likely decide it.\n")
                .append("- Lower is better for time per operation (JMH modes `ss`, `avgt`), higher for ")
                .append("throughput (`thrpt`); *change* says which. The ratio is current/baseline of the medians; its CI ")
                .append("resamples forks, then shots within each fork. The *slowdown* in *Why* is the ratio of times, ")
                .append("above 1 when worse: the ratio itself for time, its inverse for throughput.\n\n</details>\n\n");
        out.append("<sub>baseline `").append(report.baselineName()).append("` · current `").append(report.currentName())
                .append("` · bootstrap B = ").append(s.resamples()).append(", seed ").append(s.seed()).append("</sub>\n");
        return out.toString();
    }

    private static void unmatched(StringBuilder out, String title, List<String> names) {
        if (!names.isEmpty()) {
            out.append("\n**").append(title).append("**: ")
                    .append(names.stream().map(n -> "`" + escape(n) + "`").collect(Collectors.joining(", "))).append('\n');
        }
    }

    private static String verdict(PerformanceChange.Verdict v) {
        return switch (v) {
            case REGRESSED -> "**REGRESSED**";
            case IMPROVED -> "IMPROVED";
            case UNCHANGED -> "UNCHANGED";
            case INCONCLUSIVE -> "INCONCLUSIVE";
        };
    }

    static String p(OptionalDouble p) {
        if (p.isEmpty()) {
            return "n/a";
        }
        double v = p.getAsDouble();
        return v < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.2g", v);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
