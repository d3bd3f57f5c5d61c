package dictbench.results;

import dictbench.run.BenchmarkKind;
import dictbench.run.Catalogue;
import dictbench.run.Counter;
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
        return Catalogue.classOf(benchmark);
    }

    /** The catalogue's entry for this benchmark; empty for a benchmark dictbench does not know. */
    public Optional<Catalogue> entry() {
        return Catalogue.ofClass(className());
    }

    /**
     * A short name for tables, from the {@link Catalogue} ({@code sequential}, {@code platform},
     * {@code subprocess-pool}, {@code raw-read}...; {@code -split} with {@code split=true}); the class
     * name for a benchmark the catalogue does not list.
     */
    public String label() {
        return entry().map(e -> e.label(params)).orElseGet(this::className);
    }

    /** Whether this is the catalogue's {@code entry}. */
    public boolean is(Catalogue entry) {
        return entry().filter(e -> e == entry).isPresent();
    }

    /** The prefix of the benchmarks CPython's runner writes: {@code python.ThreadPoolExecutor.load}. */
    public static final String CPYTHON_PREFIX = "python.";

    /** Whether CPython ran it ({@code scripts/python/pyload.py}), not a JVM: reported beside the JVM's loads, never among them. */
    public boolean isCPython() {
        return benchmark.startsWith(CPYTHON_PREFIX);
    }

    /** Whether it is one of the store benchmarks (time to ready, lookups, scan, load-all), reported apart from the loads. */
    public boolean isStore() {
        return entry().map(e -> e.kind() == BenchmarkKind.STORE).orElse(false);
    }

    public boolean isLoad() {
        return entry().map(e -> e.kind() == BenchmarkKind.LOAD).orElseGet(() -> className().endsWith("LoadBenchmark"));
    }

    /** A counter's raw samples; empty when it was not recorded. */
    public Optional<Samples> counter(Counter counter) {
        return Optional.ofNullable(secondary.get(counter.key()));
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The median per shot of a counter; empty when it was not recorded. */
    public OptionalDouble secondaryMedian(Counter counter) {
        Samples s = secondary.get(counter.key());
        return s == null || s.size() == 0 ? OptionalDouble.empty() : OptionalDouble.of(Descriptive.median(s.all()));
    }

    /** Strategy threads: the {@code threads} param, 1 for sequential, empty where the strategy has none. */
    public Optional<Integer> strategyThreads() {
        if (entry().map(Catalogue::singleThreaded).orElse(false)) {
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
