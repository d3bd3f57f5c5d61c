package dictbench.report;

import dictbench.stats.Descriptive;
import dictbench.stats.Samples;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One benchmark with one set of params, as JMH reported it: the raw per-fork, per-iteration samples
 * of the primary metric and of each secondary metric (aux counters).
 *
 * @param benchmark  fully qualified benchmark method, e.g. {@code dictbench.bench.SequentialLoadBenchmark.load}
 * @param mode       JMH mode, e.g. {@code ss}, {@code avgt}, {@code thrpt}
 * @param unit       score unit, e.g. {@code ms/op}
 * @param params     JMH params, sorted by name
 * @param primary    raw samples of the score
 * @param secondary  raw samples of each secondary metric, by name
 * @param threads    JMH worker threads (not the strategy's threads)
 * @param jvmArgs    the fork's JVM arguments
 * @param jdkVersion the fork's JDK version
 * @param vmName     the fork's VM name
 */
public record BenchmarkResult(String benchmark, String mode, String unit, Map<String, String> params, Samples primary,
                              Map<String, Samples> secondary, int threads, List<String> jvmArgs, String jdkVersion, String vmName) {

    public BenchmarkResult {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        secondary = Collections.unmodifiableMap(new TreeMap<>(secondary));
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The benchmark class's simple name, e.g. {@code SequentialLoadBenchmark}. */
    public String className() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    }

    /**
     * A short name for tables: the strategy for load benchmarks ({@code sequential}, {@code platform},
     * {@code virtual}, {@code forkjoin}, {@code subprocess-spawn}...), else the baseline
     * ({@code raw-read}, {@code decode}, {@code overlap-bound}); a {@code split=true} param adds {@code -split}.
     */
    public String label() {
        String base = switch (className()) {
            case "SequentialLoadBenchmark" -> "sequential";
            case "PlatformThreadsLoadBenchmark" -> "platform";
            case "VirtualThreadsLoadBenchmark" -> "virtual";
            case "ForkJoinLoadBenchmark" -> "forkjoin";
            case "SubprocessLoadBenchmark" -> "subprocess-" + params.getOrDefault("mode", "?");
            case "RawReadBenchmark" -> "raw-read";
            case "DecodeBenchmark" -> "decode";
            case "OverlapBoundBenchmark" -> "overlap-bound";
            default -> className();
        };
        return "true".equals(params.get("split")) ? base + "-split" : base;
    }

    public boolean isLoad() {
        return className().endsWith("LoadBenchmark");
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The median per shot of secondary metric {@code metric} (a JMH aux counter); empty when it was not recorded. */
    public OptionalDouble secondaryMedian(String metric) {
        Samples s = secondary.get(metric);
        return s == null || s.size() == 0 ? OptionalDouble.empty() : OptionalDouble.of(Descriptive.median(s.all()));
    }

    /** Strategy threads: the {@code threads} param, 1 for sequential, empty where the strategy has none. */
    public Optional<Integer> strategyThreads() {
        if (className().equals("SequentialLoadBenchmark") || className().equals("DecodeBenchmark")) {
            return Optional.of(1);
        }
        return param("threads").map(Integer::valueOf);
    }

    /** Milliseconds per unit of score, for time units; empty for throughput or unknown units. */
    public Optional<Double> millisPerUnit() {
        return switch (unit) {
            case "s/op" -> Optional.of(1000.0);
            case "ms/op" -> Optional.of(1.0);
            case "us/op" -> Optional.of(1e-3);
            case "ns/op" -> Optional.of(1e-6);
            default -> Optional.empty();
        };
    }
}
