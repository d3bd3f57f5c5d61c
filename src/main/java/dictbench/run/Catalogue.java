package dictbench.run;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every benchmark of the suite, once: the JMH class in {@code dictbench.bench}, the label tables and
 * the command line use for it, the params it takes beyond {@code dataset} and {@code format}, and
 * whether it loads or bounds. The benchmarks, the CLI and every reader of results take names from
 * here; {@code CatalogueTest} ties it to the classes.
 */
public enum Catalogue {
    SEQUENTIAL("SequentialLoadBenchmark", "sequential", BenchmarkKind.LOAD, List.of("cache", "heap", "jvm")),
    PLATFORM("PlatformThreadsLoadBenchmark", "platform", BenchmarkKind.LOAD, List.of("cache", "threads", "split", "heap", "jvm")),
    VIRTUAL("VirtualThreadsLoadBenchmark", "virtual", BenchmarkKind.LOAD, List.of("cache", "split", "heap", "jvm")),
    FORKJOIN("ForkJoinLoadBenchmark", "forkjoin", BenchmarkKind.LOAD, List.of("cache", "threads", "heap", "jvm")),
    /** AsynchronousFileChannel reads and CompletableFuture decodes; not in the default suite (--only async). */
    ASYNC("AsyncLoadBenchmark", "async", BenchmarkKind.LOAD, List.of("cache", "threads", "heap", "jvm")),
    /** Labelled by its mode: {@code subprocess-spawn}, {@code subprocess-pool}. */
    SUBPROCESS("SubprocessLoadBenchmark", "subprocess", BenchmarkKind.LOAD, List.of("cache", "threads", "mode", "heap", "jvm"),
            new Variants("mode", List.of("spawn", "pool"))),
    RAW_READ("RawReadBenchmark", "raw-read", BenchmarkKind.BASELINE, List.of("cache", "threads")),
    DECODE("DecodeBenchmark", "decode", BenchmarkKind.BASELINE, List.of()),
    OVERLAP_BOUND("OverlapBoundBenchmark", "overlap-bound", BenchmarkKind.BASELINE, List.of("cache", "threads")),
    /** dictbench's pickle reader against Pyrolite's unpickler, decoding from memory; not in the default suite. */
    PICKLE_READER("PickleReaderBenchmark", "pickle-reader", BenchmarkKind.BASELINE, List.of("reader"),
            new Variants("reader", List.of("dictbench", "razorvine"))),
    /** From nothing open to the first lookup answered on every dictionary, for a store. */
    STORE_READY("StoreReadyBenchmark", "store-ready", BenchmarkKind.STORE, List.of("cache", "store", "jvm")),
    /** A batch of lookups, for every way (eager maps, stores, stores behind a cache). */
    LOOKUPS("StoreLookupBenchmark", "lookups", BenchmarkKind.STORE, List.of("cache", "way", "threads", "keys", "misses", "batch")),
    /** A scan of every entry, for every way. */
    SCAN("StoreScanBenchmark", "scan", BenchmarkKind.STORE, List.of("cache", "way")),
    /** Every store read into HashMaps. */
    LOAD_ALL("StoreLoadAllBenchmark", "load-all", BenchmarkKind.STORE, List.of("cache", "store", "threads"));

    /** Run only when named (--only, or a suite that lists them): a question of their own, kept out of the default and quick suites. */
    public static final Set<Catalogue> OPT_IN = EnumSet.of(ASYNC, PICKLE_READER);

    /** The package every benchmark class lives in. */
    public static final String BENCH_PACKAGE = "dictbench.bench";

    private final String className;
    private final String label;
    private final BenchmarkKind kind;
    private final List<String> params;
    private final Optional<Variants> variants;

    /**
     * A benchmark whose configurations are told apart by one param, named after it in tables and on the command line
     * ({@code subprocess-pool}, {@code pickle-reader-razorvine}).
     *
     * @param values every value it takes, the benchmark's own default when a run gives none
     */
    public record Variants(String param, List<String> values) {
    }

    Catalogue(String className, String label, BenchmarkKind kind, List<String> params) {
        this(className, label, kind, params, null);
    }

    Catalogue(String className, String label, BenchmarkKind kind, List<String> params, Variants variants) {
        this.className = className;
        this.label = label;
        this.kind = kind;
        this.params = params;
        this.variants = Optional.ofNullable(variants);
    }

    /** The param that names its variants, where it has some. */
    public Optional<Variants> variants() {
        return variants;
    }

    /** The JMH class's simple name, e.g. {@code SequentialLoadBenchmark}. */
    public String className() {
        return className;
    }

    /** The fully qualified class name. */
    public String qualifiedClassName() {
        return BENCH_PACKAGE + "." + className;
    }

    /** The short name, before any mode or {@code -split}. */
    public String baseLabel() {
        return label;
    }

    public BenchmarkKind kind() {
        return kind;
    }

    /** The params it takes besides {@code dataset} and {@code format}. */
    public List<String> params() {
        return params;
    }

    /** Whether it runs as one thread whatever its {@code threads} param (it has none). */
    public boolean singleThreaded() {
        return this == SEQUENTIAL || this == DECODE || this == PICKLE_READER;
    }

    /** Whether it takes the {@code format} param (the store benchmarks read the binary files or their stores). */
    public boolean takesFormat() {
        return kind != BenchmarkKind.STORE && this != PICKLE_READER;
    }

    /**
     * The label of one configuration: the base label, the subprocess mode appended
     * ({@code subprocess-pool}), a store benchmark's store or way ({@code lookups-sqlite+cache}), and {@code -split}
     * where {@code split=true}.
     */
    public String label(Map<String, String> configParams) {
        String way = configParams.get(this == STORE_READY || this == LOAD_ALL ? "store" : "way");
        String base = variants.isPresent() ? label + "-" + configParams.getOrDefault(variants.get().param(), "?")
                : kind == BenchmarkKind.STORE && way != null ? label + "-" + way
                : label;
        return "true".equals(configParams.get("split")) ? base + "-split" : base;
    }

    /** A JMH benchmark name's class: {@code dictbench.bench.X.load} -> {@code X}. */
    public static String classOf(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    }

    /**
     * The entry a name on the command line means: the table's label ({@code platform}, {@code raw-read}; {@code
     * subprocess-pool} and {@code subprocess-spawn} name the subprocess strategy in that mode) or the class's simple name.
     */
    public static Optional<Catalogue> named(String name) {
        return Arrays.stream(values()).filter(e -> e.className.equals(name) || e.names().contains(name)).findFirst();
    }

    /** The names the command line takes for it: the table's labels ({@code subprocess-spawn} and {@code subprocess-pool} too). */
    public List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(label));
        variants.ifPresent(v -> v.values().forEach(value -> names.add(label + "-" + value)));
        return List.copyOf(names);
    }

    /** The entry for a class's simple name. */
    public static Optional<Catalogue> ofClass(String simpleName) {
        return Arrays.stream(values()).filter(e -> e.className.equals(simpleName)).findFirst();
    }
}
