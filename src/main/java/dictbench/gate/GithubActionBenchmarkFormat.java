package dictbench.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dictbench.format.Cells;
import dictbench.format.OutputFormat;
import dictbench.stats.ConfidenceInterval;
import dictbench.stats.PerformanceChange;
import java.util.Locale;

/**
 * The current run for <a href="https://github.com/benchmark-action/github-action-benchmark">github-action-benchmark</a>
 * with {@code tool: 'customSmallerIsBetter'}: an array of {@code {"name", "unit", "value", "range", "extra"}},
 * one entry per benchmark of the current run (compared or not).
 *
 * <ul>
 *   <li>{@code value}: the median of all shots; {@code range}: {@code "± h"}, where {@code h} is the larger
 *       distance from the median to an end of its bootstrap CI (the action only displays it);
 *       {@code extra}: the CI, the gate's verdict and the shots behind the median.</li>
 *   <li>The action takes one direction per file, so every entry is smaller-is-better: time modes
 *       ({@code ss}, {@code avgt}) as they are; a throughput ({@code thrpt}) score is
 *       converted to time per operation, {@code value = 1 / median}, unit inverted ({@code ops/ms} becomes
 *       {@code ms/op}), CI ends inverted and swapped, and {@code extra} says so. The median of the inverses
 *       is the inverse of the median, so nothing is lost but the original unit.</li>
 *   <li>Names are {@link Pairing#name}: method and sorted params.</li>
 * </ul>
 */
public final class GithubActionBenchmarkFormat implements OutputFormat<Comparison> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String fileName() {
        return "github-action-benchmark.json";
    }

    @Override
    public String render(Comparison report) {
        ArrayNode out = JSON.createArrayNode();
        for (Comparison.Tracked t : report.tracked()) {
            double median = t.summary().median();
            ConfidenceInterval ci = t.summary().medianCi();
            String unit = t.result().unit();
            String note = "";
            if (t.direction() == PerformanceChange.Direction.HIGHER_IS_BETTER) {
                note = "converted from thrpt " + Cells.number(median) + " " + unit + "; ";
                ci = new ConfidenceInterval(1 / ci.upper(), 1 / ci.lower(), ci.confidence());
                median = 1 / median;
                unit = inverse(unit);
            }
            ObjectNode e = out.addObject();
            e.put("name", t.name());
            e.put("unit", unit);
            e.put("value", median);
            e.put("range", "± " + Cells.number(Math.max(median - ci.lower(), ci.upper() - median)));
            e.put("extra", String.format(Locale.ROOT, "%s%s%% CI [%s, %s]; %d shots in %d forks; gate: %s", note,
                    Sentences.number(100 * ci.confidence()), Cells.number(ci.lower()), Cells.number(ci.upper()),
                    t.summary().n(), t.summary().forks(), t.verdict() == null ? "not in baseline" : t.verdict().name()));
        }
        return out.toPrettyString() + "\n";
    }

    /** {@code ops/ms} → {@code ms/op} (JMH's plural "ops" becomes "op"); a unit without a slash becomes {@code 1/unit}. */
    static String inverse(String unit) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return "1/" + unit;
        }
        String per = unit.substring(0, slash);
        return unit.substring(slash + 1) + "/" + (per.equals("ops") ? "op" : per);
    }
}
