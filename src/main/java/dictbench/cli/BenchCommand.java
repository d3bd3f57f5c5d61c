package dictbench.cli;

import dictbench.bench.TimelineRecorder;
import dictbench.dataset.DatasetMismatchException;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Datasets;
import dictbench.dataset.Generator;
import dictbench.dataset.Manifest;
import dictbench.load.HeapBudget;
import dictbench.results.Environment;
import dictbench.run.BenchmarkKind;
import dictbench.run.Catalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dictbench bench}: the main job. Generates the dataset if it is missing or stale, runs the
 * suite through JMH with each fork's heap sized from the dataset, and writes
 * {@code results/<date>-<host>/} with the JMH JSON, the environment and the summary table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmark suite on a dataset and write results/<date>-<host>/ (JMH JSON, environment, table).")
final class BenchCommand implements Callable<Integer> {

    /** Every strategy and baseline, threads 1, 2 and the core count, warm and cold. */
    static final Suite FULL = new Suite("full", List.of(Catalogue.values()),
            List.of("warm", "cold"), List.of("spawn", "pool"), 2, 1, 3);
    /** One configuration per strategy at 2 threads, warm only: a couple of minutes. */
    static final Suite QUICK = new Suite("quick",
            Arrays.stream(Catalogue.values()).filter(c -> c.kind() == BenchmarkKind.LOAD).toList(),
            List.of("warm"), List.of("pool"), 1, 1, 3);

    /**
     * What the regression gate runs ({@code scripts/ci-perf}, {@code scripts/calibrate-gate}, and the baseline
     * they compare with): the quick suite with 5 forks × 10 shots, so each benchmark has the forks the gate
     * needs to see JVM-to-JVM variation.
     */
    static final Suite GATE = new Suite("gate", QUICK.benchmarks(), QUICK.caches(), QUICK.subprocessModes(), 5, 1, 10);

    static final List<Suite> SUITES = List.of(FULL, QUICK, GATE);

    /** Which benchmarks and how many shots. */
    record Suite(String name, List<Catalogue> benchmarks, List<String> caches, List<String> subprocessModes,
                 int forks, int warmups, int measurements) {
    }

    @Spec
    CommandSpec command;

    @Option(names = "--quick", description = "Run the quick suite (2 threads, warm cache, one fork); the same as --suite quick.")
    boolean quick;

    @Option(names = "--suite", paramLabel = "NAME", defaultValue = "full",
            description = "Which suite: full (every strategy and baseline, threads 1, 2 and the core count, warm and cold), "
                    + "quick (each strategy at 2 threads, warm, one fork) or gate (quick with 5 forks × 10 shots, what the "
                    + "regression gate runs) (default: ${DEFAULT-VALUE}).")
    String suiteName;

    @Option(names = "--dataset", paramLabel = "SPEC", split = ",", defaultValue = "default",
            description = "Dataset specs to load, comma-separated; several run in one JMH run so that they compare (default: ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "binary",
            description = "File format(s), comma-separated: binary, java-serial (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--mode", paramLabel = "MODE", split = ",",
            description = "Subprocess modes: spawn, pool (default: the suite's).")
    List<String> modes;

    @Option(names = "--cache", paramLabel = "STATE", split = ",",
            description = "Page-cache states: warm, cold (default: the suite's; a dataset on tmpfs can only be warm).")
    List<String> caches;

    @Option(names = "--only", paramLabel = "CLASS", split = ",",
            description = "Run only these benchmark classes of the suite, e.g. DecodeBenchmark,RawReadBenchmark.")
    List<String> only;

    @Option(names = {"-wi", "--warmups"}, paramLabel = "N", description = "Warm-up shots per fork (default: the suite's).")
    Integer warmups;

    @Option(names = "--threads", paramLabel = "N", split = ",", description = "Thread counts to sweep (default: 1, 2 and the core count; quick: 2).")
    List<Integer> threads;

    @Option(names = "--forks", paramLabel = "N", description = "JMH forks per configuration (default: the suite's).")
    Integer forks;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Measured shots per fork (default: the suite's).")
    Integer iterations;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the run (default: results/<date>-<host>[-quick|-gate]).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Suite suite = suite();
        List<DatasetSpec> specs = new ArrayList<>();
        for (String name : datasets.stream().distinct().toList()) {
            specs.add(Datasets.spec(name));
        }
        String names = String.join(",", specs.stream().map(DatasetSpec::name).toList());
        List<Catalogue> selected = selectedBenchmarks(suite);
        checkCaches();
        List<String> threadList = threadCounts(suite); // every flag is checked before anything is generated
        List<Manifest> manifests = new ArrayList<>();
        for (String format : formats) {
            for (DatasetSpec spec : specs) {
                manifests.add(ensureGenerated(spec.withFormat(format)));
            }
        }
        // the fork's heap must fit the largest of the datasets it may load
        Manifest manifest = manifests.stream().max(Comparator.comparingLong(HeapBudget::required)).orElseThrow();
        RunDirectory run = RunDirectory.open(out != null ? out : defaultOutput(suite));
        List<String> jvmArgs = new ArrayList<>(HeapBudget.jvmArgs(manifest));
        jvmArgs.add("-D" + Datasets.ROOT_PROPERTY + "=" + Datasets.root());
        // Forks write each configuration's per-file timeline there (a path, not a flag: kept out of environment.json).
        List<String> forkArgs = new ArrayList<>(jvmArgs);
        forkArgs.add("-D" + TimelineRecorder.DIR_PROPERTY + "=" + run.layout().timelines().toAbsolutePath());
        Path partial = run.layout().jmhJsonPartial();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(forks != null ? forks : suite.forks())
                .warmupIterations(warmups != null ? warmups : suite.warmups())
                .measurementIterations(iterations != null ? iterations : suite.measurements())
                .jvmArgsAppend(forkArgs.toArray(String[]::new))
                .param("dataset", specs.stream().map(DatasetSpec::name).toArray(String[]::new))
                .param("format", formats.toArray(String[]::new))
                .param("cache", (caches != null && !caches.isEmpty() ? caches : suite.caches()).toArray(String[]::new))
                .param("threads", threadList.toArray(String[]::new))
                .param("mode", (modes != null && !modes.isEmpty() ? modes : suite.subprocessModes()).toArray(String[]::new))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(partial.toString());
        for (Catalogue c : selected) {
            options.include(Pattern.quote(c.qualifiedClassName() + "."));
        }
        run.clearTimelines();
        try {
            new Runner(options.build()).run();
        } catch (RunnerException e) {
            Files.deleteIfExists(partial);
            throw new IOException("the benchmark run failed: " + e.getMessage() + "; rerun with --verbose or see the JMH output above", e);
        }
        run.publishJmhJson();
        run.describe(jvmArgs, manifests);
        String table = run.summarise("dictbench " + suite.name() + " run: " + names + " (" + String.join(", ", formats) + ")");
        command.commandLine().getOut().println();
        command.commandLine().getOut().print(table);
        run.report();
        command.commandLine().getOut().println("\nwrote " + run.dir() + " (full report: " + run.layout().reportHtml() + ")");
        return ExitCodes.OK;
    }

    private Suite suite() {
        if (quick) {
            return QUICK;
        }
        return SUITES.stream().filter(s -> s.name().equals(suiteName)).findFirst().orElseThrow(() -> new ParameterException(
                command.commandLine(), "--suite must be one of " + SUITES.stream().map(Suite::name).toList() + ", got '" + suiteName + "'"));
    }

    private void checkCaches() {
        for (String c : caches == null ? List.<String>of() : caches) {
            if (!c.equals("warm") && !c.equals("cold")) {
                throw new ParameterException(command.commandLine(), "--cache must be warm or cold, got '" + c + "'");
            }
        }
        for (String m : modes == null ? List.<String>of() : modes) {
            if (!m.equals("spawn") && !m.equals("pool")) {
                throw new ParameterException(command.commandLine(), "--mode must be spawn or pool, got '" + m + "'");
            }
        }
    }

    private List<Catalogue> selectedBenchmarks(Suite suite) {
        if (only == null || only.isEmpty()) {
            return suite.benchmarks();
        }
        List<Catalogue> selected = new ArrayList<>();
        for (String c : only) {
            selected.add(Catalogue.ofClass(c).orElseThrow(() -> new ParameterException(command.commandLine(),
                    "--only: unknown benchmark class '" + c + "'; known: " + FULL.benchmarks().stream().map(Catalogue::className).toList())));
        }
        return selected;
    }

    private List<String> threadCounts(Suite suite) {
        if (threads != null && !threads.isEmpty()) {
            for (int t : threads) {
                if (t < 1) {
                    throw new ParameterException(command.commandLine(), "--threads values must be >= 1, got " + t);
                }
            }
            return threads.stream().distinct().map(String::valueOf).toList();
        }
        if (suite != FULL) {
            return List.of("2");
        }
        TreeSet<Integer> counts = new TreeSet<>(List.of(1, 2, Runtime.getRuntime().availableProcessors()));
        return counts.stream().map(String::valueOf).toList();
    }

    private Manifest ensureGenerated(DatasetSpec spec) throws IOException {
        try {
            Manifest manifest = Datasets.manifest(spec);
            if (manifest.specHash().equals(spec.contentHash())) {
                manifest.verifyFiles();
                return manifest;
            }
        } catch (NoSuchFileException | DatasetMismatchException missingOrStale) {
            command.commandLine().getErr().println("dataset " + spec.name() + ": " + missingOrStale.getMessage() + "; generating it");
        }
        try (GenerateCommand.Progress progress = GenerateCommand.Progress.open("generate " + spec.name(), spec.totalEntries())) {
            return new Generator().generate(spec, progress).manifest();
        }
    }

    private static Path defaultOutput(Suite suite) {
        String base = LocalDate.now() + "-" + Environment.localHost() + (suite == FULL ? "" : "-" + suite.name());
        Path results = Datasets.root().resolve("results");
        Path dir = results.resolve(base);
        for (int n = 2; Files.exists(dir); n++) {
            dir = results.resolve(base + "-" + n);
        }
        return dir;
    }
}
