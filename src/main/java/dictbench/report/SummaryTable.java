package dictbench.report;

import dictbench.stats.ConfidenceInterval;
import dictbench.stats.Samples;
import dictbench.stats.Speedup;
import dictbench.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The headline table: per strategy, threads and cache state, the median shot time with its 99%
 * bootstrap CI, and the speedup over sequential on the same dataset, format and cache state with
 * its CI. Baselines (raw read, decode) follow with their throughput.
 */
public final class SummaryTable {
    private final List<Row> rows;

    /** One line of the table; {@code speedup} is empty where no sequential run matches. */
    public record Row(BenchmarkResult result, Summary time, Optional<Speedup> speedup, Optional<Double> megabytesPerSecond) {
    }

    private SummaryTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public static SummaryTable of(List<BenchmarkResult> results) {
        List<Row> rows = new ArrayList<>();
        for (BenchmarkResult r : results) {
            Summary time = Summary.of(r.primary());
            Optional<Speedup> speedup = Optional.empty();
            if (r.isLoad()) {
                speedup = sequentialFor(r, results).map(seq ->
                        Speedup.of(seq.primary(), r.primary(), r.strategyThreads().orElse(Runtime.getRuntime().availableProcessors())));
            }
            Optional<Double> mbps = Optional.empty();
            Samples mb = r.secondary().get("megabytes");
            if (mb != null && r.millisPerUnit().isPresent()) {
                mbps = Optional.of(dictbench.stats.Descriptive.median(mb.all()) / (time.median() * r.millisPerUnit().get() / 1000));
            }
            rows.add(new Row(r, time, speedup, mbps));
        }
        rows.sort(Comparator.comparing((Row row) -> row.result().param("dataset").orElse(""))
                .thenComparing(row -> row.result().param("format").orElse(""))
                .thenComparing(row -> row.result().param("cache").orElse(""))
                .thenComparing(row -> row.result().isLoad() ? 0 : 1)
                .thenComparing(row -> row.result().label())
                .thenComparing(row -> row.result().strategyThreads().orElse(0)));
        return new SummaryTable(rows);
    }

    private static Optional<BenchmarkResult> sequentialFor(BenchmarkResult r, List<BenchmarkResult> all) {
        return all.stream()
                .filter(o -> o.className().equals("SequentialLoadBenchmark"))
                .filter(o -> sameKey(o, r, "dataset") && sameKey(o, r, "format") && sameKey(o, r, "cache"))
                .findFirst();
    }

    private static boolean sameKey(BenchmarkResult a, BenchmarkResult b, String param) {
        return a.param(param).equals(b.param(param));
    }

    /** The table in Markdown (also readable as plain text on a terminal). */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| dataset | format | cache | strategy | threads | median time [99% CI] | speedup vs sequential [99% CI] | MB/s |\n");
        out.append("|---|---|---|---|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            BenchmarkResult r = row.result();
            out.append("| ").append(r.param("dataset").orElse("")).append(" | ").append(r.param("format").orElse(""))
                    .append(" | ").append(r.param("cache").orElse("memory")).append(" | ").append(r.label())
                    .append(" | ").append(r.strategyThreads().map(String::valueOf).orElse("cores"))
                    .append(" | ").append(time(row.time().median(), row.time().medianCi(), r.unit()))
                    .append(" | ").append(row.speedup().map(s -> ratio(s.ratio(), s.ratioCi())).orElse("n/a"))
                    .append(" | ").append(row.megabytesPerSecond().map(v -> String.format(Locale.ROOT, "%.0f", v)).orElse("n/a"))
                    .append(" |\n");
        }
        return out.toString();
    }

    static String time(double median, ConfidenceInterval ci, String unit) {
        String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return number(median) + " " + u + " [" + number(ci.lower()) + ", " + number(ci.upper()) + "]";
    }

    static String ratio(double value, ConfidenceInterval ci) {
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", value, ci.lower(), ci.upper());
    }

    static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
