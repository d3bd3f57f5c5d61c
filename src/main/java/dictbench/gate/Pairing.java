package dictbench.gate;

import dictbench.results.BenchmarkResult;
import dictbench.results.ResultsException;
import dictbench.stats.PerformanceChange;
import dictbench.stats.Samples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The benchmarks two JMH runs have in common, matched by benchmark method and params, and those only
 * the baseline has (what only the current run has, {@link Comparison#onlyInCurrent} finds among the
 * tracked benchmarks). A pair must agree on the JMH mode; time units may differ (the baseline is converted
 * to the current run's unit), other units must be equal.
 *
 * @param pairs benchmarks in both runs, in the current run's order
 * @param onlyInBaseline benchmarks the current run lacks
 */
public record Pairing(List<Pair> pairs, List<BenchmarkResult> onlyInBaseline) {

    public Pairing {
        pairs = List.copyOf(pairs);
        onlyInBaseline = List.copyOf(onlyInBaseline);
    }

    /**
     * One benchmark in both runs.
     *
     * @param name {@link #name(BenchmarkResult)}
     * @param baseline the baseline's result, as read
     * @param current the current run's result, as read
     * @param direction which way is better, from the JMH mode
     * @param baselineSamples the baseline's shots in the current run's unit
     */
    public record Pair(String name, BenchmarkResult baseline, BenchmarkResult current, PerformanceChange.Direction direction,
                       Samples baselineSamples) {

        /** The case the gate judges. */
        public PerformanceChange.Case toCase() {
            return new PerformanceChange.Case(name, direction, baselineSamples, current.primary());
        }
    }

    /**
     * Pairs the two runs.
     *
     * @param baselineName the baseline's files, named in messages
     * @param currentName the current run's files, named in messages
     * @throws ResultsException if a run repeats a benchmark, a pair differs in mode or unit, a mode is not a
     *     JMH mode, or the runs have no benchmark in common
     */
    public static Pairing match(List<BenchmarkResult> baseline, List<BenchmarkResult> current,
                                String baselineName, String currentName) throws ResultsException {
        Map<String, BenchmarkResult> base = byName(baseline, baselineName);
        Map<String, BenchmarkResult> cur = byName(current, currentName);
        List<Pair> pairs = new ArrayList<>();
        for (var e : cur.entrySet()) {
            BenchmarkResult b = base.get(e.getKey());
            if (b != null) {
                pairs.add(pair(e.getKey(), b, e.getValue()));
            }
        }
        List<BenchmarkResult> onlyInBaseline = base.entrySet().stream()
                .filter(e -> !cur.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        if (pairs.isEmpty()) {
            throw new ResultsException("no benchmark in common between " + baselineName + " (" + describe(base) + ") and "
                    + currentName + " (" + describe(cur) + "); benchmarks match by method and params");
        }
        return new Pairing(pairs, onlyInBaseline);
    }

    /**
     * The name a benchmark goes by in the gate's reports and exports: the method without the
     * {@code dictbench.bench.} package, then the params in braces, sorted by name, e.g.
     * {@code ForkJoinLoadBenchmark.load{cache=warm,dataset=default,format=binary,threads=2}}.
     */
    public static String name(BenchmarkResult r) {
        String method = r.benchmark().startsWith("dictbench.bench.") ? r.benchmark().substring("dictbench.bench.".length())
                : r.benchmark();
        if (r.params().isEmpty()) {
            return method;
        }
        return method + r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * Which way is better for a JMH mode: lower for time per operation ({@code ss}, {@code avgt}), higher
     * for throughput ({@code thrpt}). ({@code sample} results carry histograms, which {@code JmhResults} refuses.)
     *
     * @throws ResultsException for any other mode
     */
    public static PerformanceChange.Direction direction(BenchmarkResult r) throws ResultsException {
        return switch (r.mode()) {
            case "ss", "avgt" -> PerformanceChange.Direction.LOWER_IS_BETTER;
            case "thrpt" -> PerformanceChange.Direction.HIGHER_IS_BETTER;
            default -> throw new ResultsException(name(r) + ": unknown JMH mode '" + r.mode()
                    + "' (expected ss, avgt or thrpt)");
        };
    }

    private static Pair pair(String name, BenchmarkResult b, BenchmarkResult c) throws ResultsException {
        if (!b.mode().equals(c.mode())) {
            throw new ResultsException(name + ": the baseline ran in JMH mode " + b.mode() + ", the current run in "
                    + c.mode() + "; compare runs of the same mode");
        }
        PerformanceChange.Direction direction = direction(c);
        Samples baseSamples = b.primary();
        if (!b.unit().equals(c.unit())) {
            Optional<Double> from = b.millisPerUnit();
            Optional<Double> to = c.millisPerUnit();
            if (from.isEmpty() || to.isEmpty()) {
                throw new ResultsException(name + ": the baseline is in " + b.unit() + ", the current run in " + c.unit()
                        + "; only time units convert");
            }
            baseSamples = scaled(baseSamples, from.get() / to.get());
        }
        return new Pair(name, b, c, direction, baseSamples);
    }

    private static Samples scaled(Samples s, double factor) {
        List<double[]> forks = new ArrayList<>();
        for (double[] fork : s.toArrays()) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] *= factor;
            }
            forks.add(fork);
        }
        return Samples.ofArrays(forks);
    }

    private static Map<String, BenchmarkResult> byName(List<BenchmarkResult> results, String file) throws ResultsException {
        Map<String, BenchmarkResult> map = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            if (map.putIfAbsent(name(r), r) != null) {
                throw new ResultsException(file + " holds " + name(r) + " twice; give one JMH run per file");
            }
        }
        return map;
    }

    private static String describe(Map<String, BenchmarkResult> results) {
        if (results.isEmpty()) {
            return "no benchmarks";
        }
        String first = results.keySet().iterator().next();
        return results.size() + (results.size() == 1 ? " benchmark: " : " benchmarks, e.g. ") + first;
    }
}
