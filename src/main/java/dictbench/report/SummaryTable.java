package dictbench.report;

import dictbench.format.Cells;
import dictbench.format.Table;
import dictbench.format.TableFormat;
import dictbench.results.BenchmarkResult;
import dictbench.results.Results;
import dictbench.run.Catalogue;
import dictbench.run.Counter;
import dictbench.run.HeapProfile;
import dictbench.run.JvmState;
import dictbench.stats.Speedup;
import dictbench.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The headline table: per strategy, threads and cache state, the median shot time with its 99%
 * bootstrap CI, and the speedup over sequential on the same dataset, format and cache state with
 * its CI and the efficiency (speedup / threads). Baselines (raw read, decode) follow with their throughput.
 */
public final class SummaryTable {
    private final List<Row> rows;

    /**
     * One line of the table.
     *
     * @param threads threads the configuration used: its {@code threads} param, 1 for sequential and
     *                decode, the cores for virtual threads; empty where unknown
     * @param speedup empty where no sequential run matches
     */
    public record Row(BenchmarkResult result, Summary time, OptionalInt threads, Optional<Speedup> speedup,
                      Optional<Double> megabytesPerSecond) {

        /** Speedup / threads with its interval; empty without a speedup or a known thread count. */
        public Optional<dictbench.stats.Estimate> efficiency() {
            return threads.isEmpty() ? Optional.empty()
                    : speedup.map(s -> new dictbench.stats.Estimate(s.efficiency(), s.efficiencyCi()));
        }

        /** The median time with its interval, in the result's unit: the table's time cell. */
        public String timeCell() {
            return Cells.time(time, result.unit());
        }

        /** The median in milliseconds. */
        public double medianMillis() {
            return time.median() * result.millisPerUnit().orElseThrow();
        }
    }

    private SummaryTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The table for results run on this machine (virtual threads use its core count). */
    public static SummaryTable of(List<BenchmarkResult> results) {
        return of(results, OptionalInt.of(Runtime.getRuntime().availableProcessors()));
    }

    /** The table for results run on a machine with {@code cores} processors (empty: unknown). */
    public static SummaryTable of(List<BenchmarkResult> results, OptionalInt cores) {
        List<Row> rows = new ArrayList<>();
        for (BenchmarkResult r : results) {
            if (r.isStore()) {
                continue; // the stores' costs have their own section (StoreCosts)
            }
            Summary time = Summary.of(r.primary());
            OptionalInt threads = threadsOf(r, cores);
            Optional<Speedup> speedup = Optional.empty();
            if (r.isLoad()) {
                speedup = sequentialFor(r, results).map(seq -> Speedup.of(seq.primary(), r.primary(), threads.orElse(1)));
            }
            Optional<Double> mbps = Optional.empty();
            OptionalDouble mb = r.secondaryMedian(Counter.MEGABYTES);
            if (mb.isPresent() && r.millisPerUnit().isPresent()) {
                mbps = Optional.of(mb.getAsDouble() / (time.median() * r.millisPerUnit().get() / 1000));
            }
            rows.add(new Row(r, time, threads, speedup, mbps));
        }
        rows.sort(Comparator.comparing((Row row) -> row.result().param("dataset").orElse(""))
                .thenComparing(row -> row.result().param("format").orElse(""))
                // baselines (no jvm param) after every JVM state's loads, as the report has always listed them
                .thenComparing(row -> row.result().param("jvm").map(JvmState::order).orElse(Integer.MAX_VALUE))
                .thenComparing(row -> row.result().param("heap").map(HeapProfile::order).orElse(-1))
                .thenComparing(row -> row.result().param("cache").orElse(""))
                .thenComparing(row -> row.result().isLoad() ? 0 : 1)
                .thenComparing(row -> row.result().label())
                .thenComparing(row -> row.threads().orElse(0)));
        return new SummaryTable(rows);
    }

    static OptionalInt threadsOf(BenchmarkResult r, OptionalInt cores) {
        Optional<Integer> t = r.strategyThreads();
        return t.isPresent() ? OptionalInt.of(t.get()) : cores;
    }

    private static Optional<BenchmarkResult> sequentialFor(BenchmarkResult r, List<BenchmarkResult> all) {
        return all.stream()
                .filter(o -> o.is(Catalogue.SEQUENTIAL))
                .filter(o -> sameKey(o, r, "dataset") && sameKey(o, r, "format") && sameKey(o, r, "cache")
                        && sameKey(o, r, "heap") && sameKey(o, r, "jvm"))
                .findFirst();
    }

    private static boolean sameKey(BenchmarkResult a, BenchmarkResult b, String param) {
        return a.param(param).equals(b.param(param));
    }

    /**
     * The first row of strategy {@code label} ({@link BenchmarkResult#label}) in cache state {@code cache}
     * (a result without a {@code cache} param is in ""), at any thread count.
     */
    public Optional<Row> find(String label, String cache) {
        return rows(label, cache).findFirst();
    }

    /** As {@link #find(String, String)}, at exactly {@code threads} (empty: a row whose thread count is unknown). */
    public Optional<Row> find(String label, String cache, OptionalInt threads) {
        return rows(label, cache).filter(r -> r.threads().equals(threads)).findFirst();
    }

    private Stream<Row> rows(String label, String cache) {
        return rows.stream().filter(r -> r.result().label().equals(label) && r.result().param("cache").orElse("").equals(cache));
    }

    /** The cache states of the load results, in table order (a result without a {@code cache} param is in ""). */
    public Set<String> loadCaches() {
        Set<String> caches = new LinkedHashSet<>();
        rows.stream().filter(r -> r.result().isLoad()).forEach(r -> caches.add(r.result().param("cache").orElse("")));
        return caches;
    }

    /** The table, titled {@code title}. */
    public Table table(String title) {
        boolean profiled = rows.stream().anyMatch(row -> row.result().param("heap").isPresent());
        // when the first file's map was complete (runs since it was recorded): what imap_unordered would hand over first
        boolean firstMaps = rows.stream().anyMatch(row -> row.result().counter(Counter.FIRST_MAP_MS).isPresent());
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            BenchmarkResult r = row.result();
            String threads = r.strategyThreads().isPresent() ? String.valueOf(r.strategyThreads().get())
                    : row.threads().isPresent() ? row.threads().getAsInt() + " (cores)" : "cores";
            List<String> line = new ArrayList<>(List.of(r.param("dataset").orElse(""), r.param("format").orElse("")));
            if (profiled) {
                line.add(r.param("heap").orElse(Results.Profile.SIZED_WARMED.heap()));
                line.add(r.param("jvm").orElse(Results.Profile.SIZED_WARMED.jvm()));
            }
            line.addAll(List.of(r.param("cache").orElse("memory"), r.label(), threads, row.timeCell()));
            if (firstMaps) {
                line.add(firstMapCell(r));
            }
            line.addAll(List.of(Cells.optional(row.speedup(), s -> Cells.ratio(s.ratio(), s.ratioCi())),
                    Cells.optional(row.efficiency(), Cells::decimal),
                    Cells.optional(row.megabytesPerSecond(), v -> String.format(Locale.ROOT, "%.0f", v))));
            cells.add(line);
        }
        List<String> header = new ArrayList<>(List.of("dataset", "format"));
        if (profiled) {
            header.addAll(List.of("heap", "JVM"));
        }
        header.addAll(List.of("cache", "strategy", "threads", "median time [99% CI]"));
        if (firstMaps) {
            header.add("first map (median)");
        }
        header.addAll(List.of("speedup vs sequential [99% CI] (above 1: faster)", "efficiency [99% CI]", "MB/s"));
        return Table.of(title, header, profiled ? 6 : 4, cells, List.of());
    }

    /** When the first map was complete, the median over the shots ({@link Counter#FIRST_MAP_MS}): {@code 398 ms}, or n/a. */
    static String firstMapCell(BenchmarkResult r) {
        OptionalDouble ms = r.secondaryMedian(Counter.FIRST_MAP_MS);
        return ms.isPresent() ? Cells.number(ms.getAsDouble()) + " ms" : Cells.NA;
    }

    /** The table in Markdown (also readable as plain text on a terminal). */
    public String markdown() {
        return TableFormat.MARKDOWN.render(table(""));
    }
}
