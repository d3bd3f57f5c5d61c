package dictbench.gate;

import dictbench.format.OutputFormat;
import dictbench.results.BenchmarkResult;
import dictbench.results.JmhResults;
import dictbench.results.ResultsException;
import dictbench.stats.PerformanceChange;
import dictbench.stats.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the regression gate found comparing two JMH runs: the verdict of every benchmark both ran
 * ({@link PerformanceChange}), the median of each side with its interval, what only one side ran, and whether
 * the environments matched. The {@link #FORMATS} render it; the CLI turns it into an exit code.
 *
 * @param settings the gate's settings
 * @param baselineFiles the baseline's JMH JSON files, pooled as one run
 * @param currentFiles the current run's JMH JSON files, pooled as one run
 * @param rows one per benchmark in both runs, in the current run's order
 * @param tracked every benchmark of the current run with its summary, in its order (for the exports)
 * @param onlyInBaseline names of benchmarks the current run lacks
 * @param environment the environment check; when it did not match, the comparison was forced
 */
public record Comparison(PerformanceChange.Settings settings, List<Path> baselineFiles, List<Path> currentFiles, List<Row> rows,
                         List<Tracked> tracked, List<String> onlyInBaseline, EnvironmentCheck environment) {

    /** Every way the gate is written, its Markdown summary first. */
    public static final List<OutputFormat<Comparison>> FORMATS = List.of(new MarkdownFormat(), new JsonFormat(),
            new GithubActionBenchmarkFormat(), new BencherFormat());

    public Comparison {
        baselineFiles = List.copyOf(baselineFiles);
        currentFiles = List.copyOf(currentFiles);
        rows = List.copyOf(rows);
        tracked = List.copyOf(tracked);
        onlyInBaseline = List.copyOf(onlyInBaseline);
    }

    /** A benchmark in both runs: the medians of both sides and the gate's verdict. */
    public record Row(Pairing.Pair pair, Summary baseline, Summary current, PerformanceChange.Result result) {

        public PerformanceChange.Verdict verdict() {
            return result.verdict();
        }
    }

    /**
     * A benchmark of the current run, compared or not.
     *
     * @param name {@link Pairing#name}
     * @param result as read
     * @param direction which way is better, from the JMH mode ({@link Pairing#direction})
     * @param summary median and interval at the gate's confidence
     * @param verdict the gate's verdict, null when the baseline lacks this benchmark
     */
    public record Tracked(String name, BenchmarkResult result, PerformanceChange.Direction direction, Summary summary,
                          PerformanceChange.Verdict verdict) {
    }

    /** {@link #compare(List, List, PerformanceChange.Settings, boolean)} of one file a side. */
    public static Comparison compare(Path baselineFile, Path currentFile, PerformanceChange.Settings settings,
                                     boolean allowEnvMismatch) throws IOException {
        return compare(List.of(baselineFile), List.of(currentFile), settings, allowEnvMismatch);
    }

    /**
     * Reads both runs, checks their environments, matches their benchmarks and judges every pair. Several
     * files on a side are pooled as one run ({@link JmhResults#read(List)}: a benchmark's forks from every
     * file), as pyperf's {@code compare_to} does; their environments must agree.
     *
     * @param allowEnvMismatch compare even when the environments differ or are unknown (the report says so)
     * @throws NoSuchFileException if a results file is missing
     * @throws ResultsException if a file is not JMH JSON, the environments differ without
     *     {@code allowEnvMismatch}, the runs have nothing in common, or a current benchmark's mode is not a JMH mode
     */
    public static Comparison compare(List<Path> baselineFiles, List<Path> currentFiles, PerformanceChange.Settings settings,
                                     boolean allowEnvMismatch) throws IOException {
        for (Path b : baselineFiles) {
            for (Path c : currentFiles) {
                if (Files.exists(b) && Files.exists(c) && Files.isSameFile(b, c)) {
                    throw new ResultsException("the baseline and the current run are the same file, " + c
                            + ": a run compared with itself always passes; give the current run's JMH JSON");
                }
            }
        }
        List<BenchmarkResult> baseline = read(baselineFiles, "baseline");
        List<BenchmarkResult> current = read(currentFiles, "current");
        EnvironmentCheck environment = EnvironmentCheck.check(baselineFiles, currentFiles);
        if (!environment.matches() && !allowEnvMismatch) {
            throw new ResultsException(environment.refusal());
        }
        Pairing comparison = Pairing.match(baseline, current, names(baselineFiles), names(currentFiles));
        List<PerformanceChange.Result> results = PerformanceChange.evaluate(
                comparison.pairs().stream().map(Pairing.Pair::toCase).toList(), settings);
        Map<String, Summary> currentSummaries = new LinkedHashMap<>();
        for (BenchmarkResult r : current) {
            currentSummaries.put(Pairing.name(r), Summary.of(r.primary(), settings.bootstrap()));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Pairing.Pair pair = comparison.pairs().get(i);
            rows.add(new Row(pair, Summary.of(pair.baselineSamples(), settings.bootstrap()),
                    currentSummaries.get(pair.name()), results.get(i)));
        }
        Map<String, PerformanceChange.Verdict> verdicts = new LinkedHashMap<>();
        rows.forEach(row -> verdicts.put(row.pair().name(), row.verdict()));
        List<Tracked> tracked = new ArrayList<>();
        for (BenchmarkResult r : current) {
            String name = Pairing.name(r);
            tracked.add(new Tracked(name, r, Pairing.direction(r), currentSummaries.get(name), verdicts.get(name)));
        }
        return new Comparison(settings, baselineFiles, currentFiles, rows, tracked,
                comparison.onlyInBaseline().stream().map(Pairing::name).toList(), environment);
    }

    /** True when at least one benchmark REGRESSED. */
    public boolean regressed() {
        return count(PerformanceChange.Verdict.REGRESSED) > 0;
    }

    /**
     * True when the gate fails: a benchmark REGRESSED, or a benchmark of the baseline is missing from the
     * current run. A benchmark that stops running (it now fails, or was dropped from the suite) could hide a
     * regression, so it fails the gate until the baseline is re-recorded without it.
     */
    public boolean failed() {
        return regressed() || !onlyInBaseline.isEmpty();
    }

    public long count(PerformanceChange.Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** Rows with the ones a reviewer must look at first: regressed, inconclusive, improved, unchanged; then by name. */
    public List<Row> rowsBySeverity() {
        List<PerformanceChange.Verdict> order = List.of(PerformanceChange.Verdict.REGRESSED, PerformanceChange.Verdict.INCONCLUSIVE,
                PerformanceChange.Verdict.IMPROVED, PerformanceChange.Verdict.UNCHANGED);
        return rows.stream().sorted(Comparator.comparing((Row r) -> order.indexOf(r.verdict()))
                .thenComparing(r -> r.pair().name())).toList();
    }

    /** Names of benchmarks the baseline lacks (new ones), in the current run's order. */
    public List<String> onlyInCurrent() {
        return tracked.stream().filter(t -> t.verdict() == null).map(Tracked::name).toList();
    }

    /** The baseline's files as reports name them: the paths, comma-separated. */
    public String baselineName() {
        return names(baselineFiles);
    }

    /** The current run's files as reports name them: the paths, comma-separated. */
    public String currentName() {
        return names(currentFiles);
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(Path::toString).toList());
    }

    private static List<BenchmarkResult> read(List<Path> files, String role) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException(role + ": must name at least one JMH JSON file");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "no such " + role + " results file");
            }
        }
        return JmhResults.read(files);
    }
}
