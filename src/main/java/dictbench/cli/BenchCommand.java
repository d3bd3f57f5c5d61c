package dictbench.cli;

import dictbench.bench.ForkHeap;
import dictbench.bench.TimelineRecorder;
import dictbench.dataset.CompactFormat;
import dictbench.dataset.DatasetMismatchException;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Datasets;
import dictbench.dataset.Generator;
import dictbench.dataset.Manifest;
import dictbench.dataset.PickleFormat;
import dictbench.format.Cells;
import dictbench.load.HeapBudget;
import dictbench.load.SubprocessStrategy;
import dictbench.load.Threads;
import dictbench.load.subprocess.Connection;
import dictbench.os.GitCheckout;
import dictbench.os.JvmFlags;
import dictbench.results.Environment;
import dictbench.results.JmhResults;
import dictbench.results.Provenance;
import dictbench.run.BenchmarkKind;
import dictbench.run.Catalogue;
import dictbench.run.HeapProfile;
import dictbench.run.JvmState;
import dictbench.store.KeyBatch;
import dictbench.store.StoreKind;
import dictbench.store.StoreSet;
import dictbench.store.Way;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dictbench bench}: the main job. Generates the dataset if it is missing or stale, runs the
 * suite through JMH with each fork's heap sized from the dataset, and writes {@code runs/<date>-<host>/} (git
 * ignores it; {@code --publish} writes {@code results/<date>-<host>/} instead) with the JMH JSON, the environment and
 * the summary table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmark suite on a dataset and write runs/<date>-<host>/ (JMH JSON, environment, table).")
final class BenchCommand implements Callable<Integer> {

    /**
     * Every strategy and baseline, threads 1, 2 and the core count, warm and cold, in the sized heap; and the
     * in-process strategies at 2 threads, warm, also in the JVM's default heap and as the first load of a
     * fresh JVM (sized and default). The subprocess strategy runs as a pool; {@code --mode spawn,pool} adds one
     * JVM per file (3-4 s a shot, JVM start-up per file), left out to keep the suite within 10 minutes, as is the
     * async strategy and the pickle readers' comparison ({@link Catalogue#OPT_IN}: {@code --only async}, {@code --suite python}).
     */
    static final Suite FULL = new Suite("full", Arrays.stream(Catalogue.values())
            .filter(c -> c.kind() != BenchmarkKind.STORE && !Catalogue.OPT_IN.contains(c)).toList(),
            List.of("warm", "cold"), List.of("pool"), 2, 1, 3,
            List.of(HeapProfile.SIZED, HeapProfile.DEFAULT), List.of(JvmState.WARMED, JvmState.FIRST_LOAD),
            List.of(Catalogue.SEQUENTIAL, Catalogue.PLATFORM, Catalogue.VIRTUAL, Catalogue.FORKJOIN));
    /**
     * Each strategy at 2 threads, warm only, 2 forks (so that the verdict can rank), sized; and sequential against platform
     * threads in the JVM's default heap: within 2 minutes on this project's machine.
     */
    static final Suite QUICK = new Suite("quick",
            Arrays.stream(Catalogue.values()).filter(c -> c.kind() == BenchmarkKind.LOAD && !Catalogue.OPT_IN.contains(c)).toList(),
            List.of("warm"), List.of("pool"), 2, 1, 2, List.of(HeapProfile.SIZED, HeapProfile.DEFAULT), List.of(JvmState.WARMED),
            List.of(Catalogue.SEQUENTIAL, Catalogue.PLATFORM));

    /**
     * What the regression gate runs ({@code scripts/ci-perf}, {@code scripts/calibrate-gate}, and the baseline
     * they compare with): the quick suite with 5 forks × 10 shots, so each benchmark has the forks the gate
     * needs to see JVM-to-JVM variation.
     */
    static final Suite GATE = new Suite("gate", QUICK.benchmarks(), QUICK.caches(), QUICK.subprocessModes(), 5, 1, 10,
            List.of(HeapProfile.SIZED), List.of(JvmState.WARMED), List.of());

    /** The plan's duration model: seconds per unit of {@link SuiteProgress#work}, plus seconds per GB a shot reads. */
    static final double SECONDS_PER_UNIT = 0.6;
    static final double SECONDS_PER_GB_UNIT = 2.3;

    /** Forks of a first-load pass: each times one shot, so the sample is the forks. */
    static final int FIRST_LOAD_FORKS = 5;

    /** Flags every fork gets first: what its FFM and Unsafe use need, nothing about its heap. */
    static final List<String> FORK_BASE_FLAGS = JvmFlags.ACCESS;

    /**
     * Loading upfront against opening a store: the in-process loads of the binary files into HashMaps and into compact
     * maps, each store's time to ready, lookups (uniform at 1 and 2 threads, Zipf with the cached stores too), a full
     * scan and load-all, warm and cold, in the sized heap of a warmed JVM; then an application's first open of the stores
     * against its first load (fresh forks), and the loads in the JVM's default heap. Its passes are {@link #storePasses}.
     */
    static final Suite STORES = new Suite("stores", List.of(Catalogue.SEQUENTIAL, Catalogue.PLATFORM, Catalogue.FORKJOIN,
            Catalogue.STORE_READY, Catalogue.LOOKUPS, Catalogue.SCAN, Catalogue.LOAD_ALL), List.of("warm", "cold"), List.of("pool"),
            2, 3, 5, List.of(HeapProfile.SIZED, HeapProfile.DEFAULT), List.of(JvmState.WARMED, JvmState.FIRST_LOAD), List.of());
    /** The formats the stores suite loads: the binary files into HashMaps and into compact maps. */
    static final List<String> STORE_SUITE_FORMATS = List.of("binary", CompactFormat.NAME);
    /** The lookups of the stores suite: a batch this long, this share of misses. */
    static final String STORE_BATCH = "100000";
    static final String STORE_MISSES = "10";
    /** The stores suite's time-to-ready pass runs this many times the suite's warm-ups and shots: each takes milliseconds. */
    static final int READY_SHOT_FACTOR = 10;

    /**
     * The Python question answered beside the JVM: every load strategy, the async one too, and the pickle decoder, on the
     * dataset's pickles (the bytes CPython loads), warm and cold, in the sized heap of a warmed JVM and as an application's
     * first load in the default heap; and CPython's every way on the same files ({@link #CPYTHON_PLANS}).
     */
    static final Suite PYTHON = new Suite("python", List.of(Catalogue.SEQUENTIAL, Catalogue.PLATFORM, Catalogue.VIRTUAL,
            Catalogue.FORKJOIN, Catalogue.ASYNC, Catalogue.SUBPROCESS, Catalogue.DECODE, Catalogue.PICKLE_READER), List.of("warm", "cold"), List.of("pool"),
            3, 1, 3, List.of(HeapProfile.SIZED, HeapProfile.DEFAULT), List.of(JvmState.WARMED, JvmState.FIRST_LOAD),
            List.of(Catalogue.SEQUENTIAL, Catalogue.PLATFORM, Catalogue.FORKJOIN, Catalogue.ASYNC));
    /** The format the Python suite loads: CPython's pickles. */
    static final List<String> PYTHON_SUITE_FORMATS = List.of(PickleFormat.NAME);

    static final List<Suite> SUITES = List.of(FULL, QUICK, GATE, STORES, PYTHON);

    /**
     * What a suite asks of CPython's runner ({@code scripts/python/pyload.py}): its ways, worker counts, cache states,
     * fresh interpreters and shots per interpreter. The main job runs only the two ways the question measured by hand
     * (sequential and a thread pool, warm), two interpreters of two shots, to stay within its 10 minutes; the Python
     * suite runs every way, warm and cold.
     */
    record CPythonPlan(List<String> ways, List<String> workers, List<String> caches, int interpreters, int warmups, int shots) {
    }

    static final Map<String, CPythonPlan> CPYTHON_PLANS = Map.of(
            FULL.name(), new CPythonPlan(List.of("sequential", "threads"), List.of("2"), List.of("warm"), 2, 1, 2),
            PYTHON.name(), new CPythonPlan(List.of("sequential", "threads", "processes", "pool-map", "pool-imap", "joblib"),
                    List.of("2"), List.of("warm", "cold"), 3, 1, 3));

    /**
     * Which benchmarks and how many shots. The heap profiles and JVM states beyond {@code sized} and
     * {@code warmed} run {@code profileBenchmarks}, warm, at 2 threads, unless the flags say otherwise.
     */
    record Suite(String name, List<Catalogue> benchmarks, List<String> caches, List<String> subprocessModes,
                 int forks, int warmups, int measurements, List<HeapProfile> heaps, List<JvmState> jvms,
                 List<Catalogue> profileBenchmarks) {
    }

    /** One JMH run of the suite: the forks of one heap profile and JVM state. */
    record Pass(HeapProfile heap, JvmState jvm, List<Catalogue> benchmarks, List<String> caches, List<String> threads,
                int forks, int warmups, int measurements, Map<String, List<String>> params) {
        Pass(HeapProfile heap, JvmState jvm, List<Catalogue> benchmarks, List<String> caches, List<String> threads,
             int forks, int warmups, int measurements) {
            this(heap, jvm, benchmarks, caches, threads, forks, warmups, measurements, Map.of());
        }

        boolean isMain() {
            return heap == HeapProfile.SIZED && jvm == JvmState.WARMED;
        }
    }

    @Spec
    CommandSpec command;

    @Option(names = "--quick", description = "Run the quick suite (each strategy at 2 threads, warm cache, 2 forks; about 2 minutes); the same as --suite quick.")
    boolean quick;

    @Option(names = "--suite", paramLabel = "NAME", defaultValue = "full",
            description = "Which suite: full (every strategy and baseline, threads 1, 2 and the core count, warm and cold), "
                    + "quick (each strategy at 2 threads, warm, 2 forks), gate (quick with 5 forks × 10 shots, what the "
                    + "regression gate runs) or stores (loading upfront against opening SQLite, LMDB and Sparkey: time to ready, "
                    + "lookups, scan, load-all and the break-even; builds the stores first) (default: ${DEFAULT-VALUE}).")
    String suiteName;

    @Option(names = "--dataset", paramLabel = "SPEC", split = ",", defaultValue = "default",
            description = "Dataset specs to load, comma-separated; several run in one JMH run so that they compare (default: ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--data-dir", paramLabel = "DIR", split = ",",
            description = "Put the datasets' files in these directories, in turn (e.g. one per disk), instead of the specs' dirs; "
                    + "recorded in the manifest and environment.json.")
    List<Path> dataDirs;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "binary",
            description = "File format(s), comma-separated: binary, java-serial, pickle, compact (the binary files into compact maps; in-process strategies only) (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--mode", paramLabel = "MODE", split = ",",
            description = "Subprocess modes: spawn, pool (default: the suite's).")
    List<String> modes;

    @Option(names = "--cache", paramLabel = "STATE", split = ",",
            description = "Page-cache states: warm, cold (default: the suite's; a dataset on tmpfs can only be warm).")
    List<String> caches;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Run only these benchmarks, named as the table names them (sequential, platform, virtual, forkjoin, "
                    + "subprocess-pool, subprocess-spawn, raw-read, decode, overlap-bound) or by class, e.g. platform,forkjoin.")
    List<String> only;

    @Option(names = {"-wi", "--warmups"}, paramLabel = "N", description = "Warm-up shots per fork (default: the suite's).")
    Integer warmups;

    @Option(names = "--threads", paramLabel = "N", split = ",", description = "Thread counts to sweep (default: 1, 2 and the core count; quick: 2).")
    List<Integer> threads;

    @Option(names = "--forks", paramLabel = "N", description = "JMH forks per configuration (default: the suite's).")
    Integer forks;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Measured shots per fork (default: the suite's).")
    Integer iterations;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the run (default: runs/<date>-<host>[-quick|-gate] in the checkout, which git ignores).")
    Path out;

    @Option(names = "--publish", description = "Write the run to results/<date>-<host>[-quick|-gate], beside the published runs, instead of runs/.")
    boolean publish;

    @Option(names = "--heap", paramLabel = "PROFILE", split = ",",
            description = "Heap profiles, comma-separated, or all: sized (young generation sized to a shot), default (the JVM's "
                    + "own heap), g1, parallel, zgc, serial, shenandoah (that collector, a fixed -Xmx) (default: the suite's).")
    List<String> heaps;

    @Option(names = "--jvm", paramLabel = "STATE", split = ",",
            description = "JVM states, comma-separated: warmed (shots after warm-ups), first-load (one shot per fresh fork, "
                    + FIRST_LOAD_FORKS + " forks) (default: the suite's).")
    List<String> jvms;

    @Option(names = "--no-python", description = "Leave out CPython's loads of the same content (the main job and --suite python run them where a python3 is found).")
    boolean noPython;

    @Option(names = "--label", paramLabel = "TEXT", description = "A note on what this run is for, recorded in environment.json and shown in the report.")
    String label;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        Optional<GitCheckout> checkout = GitCheckout.at(Datasets.root()); // as the run starts: its jar was built from this tree
        // a value given twice (--cache warm,warm) is one configuration, not the same one run twice
        formats = distinct(formats);
        caches = distinct(caches);
        modes = distinct(modes);
        Suite suite = suite();
        if (suite == STORES) {
            if (!formats.equals(List.of("binary")) && !formats.equals(STORE_SUITE_FORMATS)) {
                throw new ParameterException(command.commandLine(), "--suite stores loads " + STORE_SUITE_FORMATS + " itself; leave out --format");
            }
            formats = STORE_SUITE_FORMATS;
        }
        if (suite == PYTHON) {
            if (!formats.equals(List.of("binary")) && !formats.equals(PYTHON_SUITE_FORMATS)) {
                throw new ParameterException(command.commandLine(), "--suite python loads " + PYTHON_SUITE_FORMATS + " itself; leave out --format");
            }
            formats = PYTHON_SUITE_FORMATS;
        }
        if (publish && out != null) {
            throw new ParameterException(command.commandLine(), "--publish and --out both say where the run goes; give one");
        }
        List<DatasetSpec> specs = new ArrayList<>();
        List<Path> dirs = dataDirs == null ? List.of() : dataDirs.stream().map(d -> d.toAbsolutePath().normalize()).distinct().toList();
        List<String> specFiles = new ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : datasets.stream().distinct().toList()) {
            DatasetSpec spec = Datasets.spec(name, List.of(), dirs); // its forks get the same through two properties (below)
            String before = given.putIfAbsent(spec.name(), name);
            if (before != null) { // the forks know a dataset by its name, and its files are named by it too
                throw new ParameterException(command.commandLine(), "--dataset: " + before + " and " + name + " are both named '"
                        + spec.name() + "'; a run tells datasets apart by name: rename one of the files");
            }
            specs.add(spec);
            if (Datasets.isPath(name)) {
                specFiles.add(Path.of(name).toAbsolutePath().normalize().toString());
            }
        }
        String names = String.join(",", specs.stream().map(DatasetSpec::name).toList());
        List<Catalogue> selected = selectedBenchmarks(suite);
        if (formats.contains(CompactFormat.NAME) && selected.contains(Catalogue.SUBPROCESS)) {
            throw new ParameterException(command.commandLine(), "--format compact loads in-process only, and the suite runs the subprocess "
                    + "strategy: name the others (--only sequential,platform,virtual,forkjoin) or use --suite stores");
        }
        checkCaches();
        checkCounts();
        heapProfiles(suite); // refuses an unknown profile or state before anything is generated
        jvmStates(suite);
        List<String> threadList = threadCounts(suite); // every flag is checked before anything is generated
        if (out != null) {
            RunDirectory.refuseNonDirectory(out); // before any data is generated
        }
        List<Manifest> manifests = new ArrayList<>();
        for (String format : formats) {
            for (DatasetSpec spec : specs) {
                manifests.add(ensureGenerated(spec.withFormat(format)));
            }
        }
        if (selected.stream().anyMatch(c -> c.kind() == BenchmarkKind.STORE)) {
            for (DatasetSpec spec : specs) {
                buildStores(spec.withFormat("binary"));
            }
        }
        // the fork's heap must fit the largest of the datasets it may load
        Manifest manifest = manifests.stream().max(Comparator.comparingLong(HeapBudget::required)).orElseThrow();
        List<Pass> passes = passes(suite, selected, threadList);
        checkHeaps(passes, manifest);
        checkChildrenFit(passes, manifests);
        try (RunDirectory run = RunDirectory.open(out != null ? out : defaultOutput(suite, publish))) {
            String root = "-D" + Datasets.ROOT_PROPERTY + "=" + Datasets.root();
            // Forks write each configuration's per-file timeline there (a path, not a flag: kept out of environment.json).
            String timelines = "-D" + TimelineRecorder.DIR_PROPERTY + "=" + run.layout().timelines().toAbsolutePath();
            run.clearTimelines();
            List<String> modeList = modes != null && !modes.isEmpty() ? modes : suite.subprocessModes();
            int configurations = 0;
            double work = 0;
            for (Pass pass : passes) {
                int n = configurations(pass, specs.size(), formats.size(), modeList);
                configurations += n;
                work += n * SuiteProgress.work(pass.forks(), pass.warmups(), pass.measurements());
            }
            command.commandLine().getErr().println(plan(passes, configurations, work, manifests));
            SuiteProgress progress = new SuiteProgress(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.NORMAL),
                    System.err, configurations, work);
            List<Path> passFiles = new ArrayList<>();
            for (Pass pass : passes) {
                Path partial = run.layout().passJsonPartial(passFiles.size() + 1);
                List<String> appended = new ArrayList<>(ForkHeap.flags(pass.heap(), manifest));
                appended.add(root);
                // the forks get spec names only: where specs named by path are, and where --data-dir put the files
                if (!specFiles.isEmpty()) {
                    appended.add("-D" + Datasets.SPEC_FILES_PROPERTY + "=" + String.join(File.pathSeparator, specFiles));
                }
                if (!dirs.isEmpty()) {
                    appended.add("-D" + Datasets.DATA_DIRS_PROPERTY + "=" + String.join(File.pathSeparator, dirs.stream().map(Path::toString).toList()));
                }
                appended.add(timelines);
                // the children's stderr logs, which the run removes however a fork ends (a killed fork cannot)
                appended.add("-D" + Connection.LOG_DIR_PROPERTY + "=" + run.layout().workerLogs().toAbsolutePath());
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .forks(pass.forks())
                        .warmupIterations(pass.warmups())
                        .measurementIterations(pass.measurements())
                        // the forks get exactly these flags: not this JVM's own (-Xmx4g), nor the annotations' heap
                        .jvmArgsPrepend(FORK_BASE_FLAGS.toArray(String[]::new))
                        .jvmArgs()
                        .jvmArgsAppend(appended.toArray(String[]::new))
                        .param("dataset", specs.stream().map(DatasetSpec::name).toArray(String[]::new))
                        .param("format", formats.toArray(String[]::new))
                        .param("cache", pass.caches().toArray(String[]::new))
                        .param("threads", pass.threads().toArray(String[]::new))
                        .param("mode", modeList.toArray(String[]::new))
                        .param("heap", pass.heap().key())
                        .param("jvm", pass.jvm().key())
                        .shouldFailOnError(true)
                        .resultFormat(ResultFormatType.JSON)
                        .result(partial.toString());
                pass.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
                for (Catalogue c : pass.benchmarks()) {
                    options.include(Pattern.quote(c.qualifiedClassName() + "."));
                }
                command.commandLine().getErr().printf("== pass %d of %d: heap %s, JVM %s (%s)%n", passFiles.size() + 1, passes.size(),
                        pass.heap().key(), pass.jvm().key(), String.join(" ", ForkHeap.flags(pass.heap(), manifest)));
                try {
                    new Runner(options.build(), progress).run();
                } catch (RunnerException e) { // closing the unfinished run removes the passes' files
                    throw new IOException("the benchmark run failed: " + progress.forkFailure().map(f -> "a fork reported " + f)
                            .orElse(e.getMessage()) + "; see the JMH output above", e);
                }
                passFiles.add(partial);
            }
            run.writeJmhJson(JmhResults.merged(passFiles));
            for (Path f : passFiles) {
                Files.delete(f);
            }
            Optional<CPythonPlan> cpython = noPython ? Optional.empty() : Optional.ofNullable(CPYTHON_PLANS.get(suite.name()));
            if (cpython.isPresent()) {
                runCPython(cpython.get(), specs, run.layout().pythonJson());
            }
            Map<String, List<String>> profileFlags = new LinkedHashMap<>();
            passes.stream().map(Pass::heap).distinct().forEach(h -> profileFlags.put(h.key(), ForkHeap.flags(h, manifest)));
            List<String> jvmArgs = new ArrayList<>(FORK_BASE_FLAGS);
            jvmArgs.add(root);
            run.describe(jvmArgs, profileFlags, manifests, Provenance.of(checkout, Provenance.ownJar(),
                    commandLine(command), suite.name(), label, started));
            RunDirectory.Summary summary = run.summarise("dictbench " + suite.name() + " run: " + names + " (" + String.join(", ", formats) + ")");
            command.commandLine().getOut().println();
            command.commandLine().getOut().print(summary.table());
            run.report();
            command.commandLine().getOut().println("\nwrote " + run.dir() + " (full report: " + run.layout().reportHtml() + ")\n");
            command.commandLine().getOut().print(summary.verdict());
            run.finish();
        }
        return ExitCodes.OK;
    }

    /**
     * How many configurations JMH runs in {@code pass}: each benchmark's params that the pass gives, multiplied out; a
     * variant param it does not give takes the benchmark's default, every variant.
     */
    private static int configurations(Pass pass, int datasets, int formats, List<String> modeList) {
        Map<String, List<String>> given = new LinkedHashMap<>(pass.params());
        given.put("cache", pass.caches());
        given.put("threads", pass.threads());
        given.put("mode", modeList);
        int total = 0;
        for (Catalogue c : pass.benchmarks()) {
            int n = datasets * (c.takesFormat() ? formats : 1);
            for (String param : c.params()) {
                n *= given.containsKey(param) ? given.get(param).size()
                        : c.variants().filter(v -> v.param().equals(param)).map(v -> v.values().size()).orElse(1);
            }
            total += n;
        }
        return total;
    }

    /**
     * The line before a run: configurations, forks and shots per pass, the data each shot reads, and a rough duration:
     * {@value #SECONDS_PER_UNIT} s per fork start or shot plus {@value #SECONDS_PER_GB_UNIT} s per GB a shot reads
     * (fitted to this project's machine; the suite's progress lines measure the real rate as it goes).
     */
    private static String plan(List<Pass> passes, int configurations, double work, List<Manifest> manifests) {
        long bytes = manifests.stream().mapToLong(Manifest::totalBytes).max().orElse(0);
        double seconds = work * (SECONDS_PER_UNIT + SECONDS_PER_GB_UNIT * bytes / 1e9);
        List<String> parts = new ArrayList<>();
        for (Pass p : passes) {
            parts.add(p.heap().key() + "/" + p.jvm().key() + " " + Cells.count(p.forks(), "fork") + " × "
                    + (p.warmups() > 0 ? p.warmups() + "+" + p.measurements() + " shots" : Cells.count(p.measurements(), "shot")));
        }
        return String.format(java.util.Locale.ROOT, "plan: %d configurations in %d passes (%s); each shot reads %.0f MB; about %s min "
                + "on a machine like this project's", configurations, passes.size(), String.join(", ", parts), bytes / 1e6,
                seconds < 180 ? String.format(java.util.Locale.ROOT, "%.1f", seconds / 60) : String.format(java.util.Locale.ROOT, "%.0f", seconds / 60));
    }

    /** The command line as typed after {@code dictbench}: the subcommand and its arguments. */
    static String commandLine(CommandSpec command) {
        return String.join(" ", command.commandLine().getParseResult().originalArgs());
    }

    private Suite suite() {
        if (quick) {
            return QUICK;
        }
        return SUITES.stream().filter(s -> s.name().equals(suiteName)).findFirst().orElseThrow(() -> new ParameterException(
                command.commandLine(), "--suite must be one of " + SUITES.stream().map(Suite::name).toList() + ", got '" + suiteName + "'"));
    }

    /**
     * The stores suite's passes, all sized and warmed, warm and cold (or {@code --cache}): the loads at 2 threads; each
     * store's time to ready and load-all (2 threads); the scan of every way; uniform lookups of the eager ways and the
     * stores at 1 and 2 threads; Zipf lookups of every way, the cached stores too, at 1 thread. Only the passes of the
     * benchmarks selected run; {@code --forks}, {@code -wi} and {@code -i} apply to every pass.
     */
    /** Adds a pass of the stores suite, of the selected ones among {@code benchmarks}. */
    @FunctionalInterface
    private interface PassMaker {
        void add(HeapProfile heap, JvmState jvm, List<Catalogue> benchmarks, Map<String, List<String>> params, List<String> caches,
                 int forks, int warmups, int shots);
    }

    List<Pass> storePasses(List<Catalogue> selected) {
        List<String> cacheList = caches != null && !caches.isEmpty() ? caches : STORES.caches();
        int f = forks != null ? forks : STORES.forks();
        int w = warmups != null ? warmups : STORES.warmups();
        int i = iterations != null ? iterations : STORES.measurements();
        List<String> stores = Arrays.stream(StoreKind.values()).filter(k -> !unavailableStores.contains(k)).map(StoreKind::key).toList();
        List<Way> usable = Arrays.stream(Way.values()).filter(way -> way.store().map(k -> !unavailableStores.contains(k)).orElse(true)).toList();
        List<String> plain = usable.stream().filter(way -> !way.cached()).map(Way::key).toList();
        List<String> every = usable.stream().map(Way::key).toList();
        List<Pass> passes = new ArrayList<>();
        List<HeapProfile> heapList = heapProfiles(STORES);
        List<JvmState> jvmList = jvmStates(STORES);
        PassMaker make = (heap, jvm, benchmarks, params, caches, passForks, passWarmups, passShots) -> {
            List<Catalogue> chosen = benchmarks.stream().filter(selected::contains).toList();
            if (!chosen.isEmpty() && heapList.contains(heap) && jvmList.contains(jvm)) {
                List<String> threadList = params.getOrDefault("threads", List.of("2"));
                Map<String, List<String>> rest = new LinkedHashMap<>(params);
                rest.remove("threads");
                passes.add(new Pass(heap, jvm, chosen, caches, threadList, passForks, passWarmups, passShots, rest));
            }
        };
        BiConsumer<List<Catalogue>, Map<String, List<String>>> add = (benchmarks, params) ->
                make.add(HeapProfile.SIZED, JvmState.WARMED, benchmarks, params, cacheList, f, w, i);
        List<Catalogue> loads = List.of(Catalogue.SEQUENTIAL, Catalogue.PLATFORM, Catalogue.FORKJOIN);
        add.accept(loads, Map.of());
        if (!stores.isEmpty()) {
            // a shot of milliseconds: many more of them, so that "warmed" holds for the store's code too
            make.add(HeapProfile.SIZED, JvmState.WARMED, List.of(Catalogue.STORE_READY), Map.of("store", stores), cacheList, f,
                    w * READY_SHOT_FACTOR, i * READY_SHOT_FACTOR);
            add.accept(List.of(Catalogue.LOAD_ALL), Map.of("store", stores));
        }
        add.accept(List.of(Catalogue.SCAN), Map.of("way", plain));
        Map<String, List<String>> lookups = new LinkedHashMap<>(Map.of("batch", List.of(STORE_BATCH), "misses", List.of(STORE_MISSES)));
        lookups.put("way", plain);
        lookups.put("keys", List.of(KeyBatch.Distribution.UNIFORM.key()));
        lookups.put("threads", List.of("1", "2"));
        add.accept(List.of(Catalogue.LOOKUPS), lookups);
        Map<String, List<String>> skewed = new LinkedHashMap<>(lookups);
        skewed.put("way", every);
        skewed.put("keys", List.of(KeyBatch.Distribution.ZIPF.key()));
        skewed.put("threads", List.of("1"));
        add.accept(List.of(Catalogue.LOOKUPS), skewed);
        // the JVM an application runs: its first open of the stores against its first load, and the loads in the default heap
        make.add(HeapProfile.SIZED, JvmState.FIRST_LOAD, List.of(Catalogue.STORE_READY, Catalogue.PLATFORM, Catalogue.FORKJOIN),
                stores.isEmpty() ? Map.of() : Map.of("store", stores), cacheList, FIRST_LOAD_FORKS, 0, 1);
        make.add(HeapProfile.DEFAULT, JvmState.WARMED, loads, Map.of(), List.of("warm"), f, w, i);
        if (passes.isEmpty()) {
            throw new ParameterException(command.commandLine(), "--only, --heap and --jvm leave nothing of the stores suite to run: it runs "
                    + STORES.benchmarks().stream().map(Catalogue::baseLabel).toList());
        }
        return passes;
    }

    /** The suite's passes: sized and warmed first (every selected benchmark), then each other profile and state. */
    private List<Pass> passes(Suite suite, List<Catalogue> selected, List<String> threadList) {
        if (suite == STORES) {
            return storePasses(selected);
        }
        List<HeapProfile> heapList = heapProfiles(suite);
        List<JvmState> jvmList = jvmStates(suite);
        List<String> mainCaches = caches != null && !caches.isEmpty() ? caches : suite.caches();
        List<String> otherCaches = caches != null && !caches.isEmpty() ? mainCaches : List.of("warm");
        List<String> otherThreads = threads != null && !threads.isEmpty() ? threadList : List.of("2");
        // beyond sized and warmed: the suite's in-process strategies, or the load strategies named (the subprocess one only then:
        // its children keep their own heap)
        boolean named = only != null && !only.isEmpty();
        List<Catalogue> loads = selected.stream().filter(c -> c.kind() == BenchmarkKind.LOAD)
                .filter(c -> named || suite.profileBenchmarks().contains(c)).toList();
        int f = forks != null ? forks : suite.forks();
        int w = warmups != null ? warmups : suite.warmups();
        int i = iterations != null ? iterations : suite.measurements();
        List<Pass> passes = new ArrayList<>();
        for (JvmState jvm : jvmList) {
            for (HeapProfile heap : heapList) {
                boolean main = heap == HeapProfile.SIZED && jvm == JvmState.WARMED;
                List<Catalogue> benchmarks = main ? selected : loads;
                if (benchmarks.isEmpty()) {
                    continue;
                }
                passes.add(jvm == JvmState.FIRST_LOAD
                        ? new Pass(heap, jvm, benchmarks, otherCaches, otherThreads, FIRST_LOAD_FORKS, 0, 1)
                        : new Pass(heap, jvm, benchmarks, main ? mainCaches : otherCaches, main ? threadList : otherThreads, f, w, i));
            }
        }
        if (passes.isEmpty()) {
            throw new ParameterException(command.commandLine(), "--heap and --jvm leave nothing to run: only load benchmarks run "
                    + "beyond heap sized and JVM warmed, and " + selected.stream().map(Catalogue::className).toList() + " has none");
        }
        return passes;
    }

    private List<HeapProfile> heapProfiles(Suite suite) {
        if (heaps == null || heaps.isEmpty()) {
            return suite.heaps();
        }
        if (heaps.size() == 1 && heaps.getFirst().strip().equalsIgnoreCase("all")) {
            return Arrays.stream(HeapProfile.values()).filter(ForkHeap::available).toList();
        }
        List<HeapProfile> list = new ArrayList<>();
        for (String h : heaps) {
            HeapProfile profile;
            try {
                profile = HeapProfile.named(h);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), "--heap: " + e.getMessage());
            }
            if (!ForkHeap.available(profile)) {
                throw new ParameterException(command.commandLine(), "--heap " + profile.key() + ": this JDK (" + System.getProperty("java.home")
                        + ") has no " + profile.collector().orElseThrow() + " collector; available: "
                        + Arrays.stream(HeapProfile.values()).filter(ForkHeap::available).map(HeapProfile::key).toList());
            }
            if (!list.contains(profile)) {
                list.add(profile);
            }
        }
        return list;
    }

    private List<JvmState> jvmStates(Suite suite) {
        if (jvms == null || jvms.isEmpty()) {
            return suite.jvms();
        }
        List<JvmState> list = new ArrayList<>();
        for (String j : jvms) {
            try {
                JvmState state = JvmState.named(j);
                if (!list.contains(state)) {
                    list.add(state);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), "--jvm: " + e.getMessage());
            }
        }
        return list;
    }

    /**
     * Refuses, before the first shot, a profile whose heap cannot hold the dataset: the JVM's default heap is a
     * quarter of this machine's memory ({@code MaxRAMPercentage}); the others are sized by {@link HeapBudget}.
     */
    private void checkHeaps(List<Pass> passes, Manifest manifest) {
        long need = HeapBudget.required(manifest);
        if (passes.stream().anyMatch(p -> p.heap() == HeapProfile.DEFAULT)) {
            long memory = HeapBudget.machineMemoryBytes();
            long defaultHeap = memory / 4;
            if (defaultHeap < need) {
                throw new ParameterException(command.commandLine(), String.format(java.util.Locale.ROOT,
                        "heap default: the JVM's default heap here is about %.1f GB (a quarter of %.1f GB), dataset %s needs about %.1f GB; "
                                + "leave default out (--heap sized), or use a collector profile, e.g. --heap g1 (%s)",
                        defaultHeap / 1e9, memory / 1e9, manifest.dataset(), need / 1e9,
                        String.join(" ", ForkHeap.flags(HeapProfile.G1, manifest))));
            }
        }
    }

    /**
     * Refuses, before the first shot, a subprocess configuration whose child JVMs and their parent fork would not fit in
     * this machine's memory ({@link SubprocessStrategy#checkFits}): it would measure swapping, or be killed mid-run.
     */
    private void checkChildrenFit(List<Pass> passes, List<Manifest> manifests) {
        for (Pass pass : passes) {
            if (!pass.benchmarks().contains(Catalogue.SUBPROCESS)) {
                continue;
            }
            for (Manifest m : manifests) {
                long largest = m.files().stream().mapToLong(Manifest.FileEntry::bytes).max().orElse(0);
                for (String t : pass.threads()) {
                    try {
                        SubprocessStrategy.checkFits(Integer.parseInt(t), largest, HeapBudget.required(m), HeapBudget.machineMemoryBytes());
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(command.commandLine(), "--threads " + t + " for the subprocess strategy on " + m.dataset()
                                + ": " + e.getMessage() + " (or leave it out: --only without subprocess)");
                    }
                }
            }
        }
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? null : values.stream().map(String::strip).distinct().toList();
    }

    private void checkCounts() {
        if (forks != null && forks < 1) {
            throw new ParameterException(command.commandLine(), "--forks must be at least 1, got " + forks
                    + " (0 would run in this JVM, whose flags are not the profiles' and whose JIT is not fresh: not a measurement)");
        }
        if (iterations != null && iterations < 1) {
            throw new ParameterException(command.commandLine(), "--iterations must be at least 1, got " + iterations);
        }
        if (warmups != null && warmups < 0) {
            throw new ParameterException(command.commandLine(), "--warmups must be at least 0, got " + warmups);
        }
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
        List<String> impliedModes = new ArrayList<>();
        for (String name : only) {
            Catalogue c = Catalogue.named(name.strip()).orElseThrow(() -> new ParameterException(command.commandLine(),
                    "--only: unknown benchmark '" + name + "'; known: " + Arrays.stream(Catalogue.values()).flatMap(e -> e.names().stream()).toList()
                            + " (or their class names)"));
            if (!selected.contains(c)) {
                selected.add(c);
            }
            if (name.strip().startsWith(Catalogue.SUBPROCESS.baseLabel() + "-")) {
                impliedModes.add(name.strip().substring(Catalogue.SUBPROCESS.baseLabel().length() + 1));
            }
        }
        if (!impliedModes.isEmpty()) {
            if (modes != null && !modes.isEmpty() && !modes.containsAll(impliedModes)) {
                throw new ParameterException(command.commandLine(), "--only names subprocess mode(s) " + impliedModes + " but --mode says " + modes);
            }
            modes = modes != null && !modes.isEmpty() ? modes : impliedModes;
        }
        return selected;
    }

    private List<String> threadCounts(Suite suite) {
        if (threads != null && !threads.isEmpty()) {
            for (int t : threads) {
                if (t < 1 || t > Threads.MAX) {
                    throw new ParameterException(command.commandLine(), "--threads values must be in 1.." + Threads.MAX + ", got " + t);
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

    /**
     * CPython on the same content, after the JVM's passes: each spec's pickles (generated if missing), loaded by
     * {@code scripts/python/pyload.py} as {@code plan} says, into {@code out}. Without a python3 (3.8 or newer) on the
     * PATH, one line says so and the run goes on without it. The runner's interpreters end with it, however it ends.
     */
    private void runCPython(CPythonPlan plan, List<DatasetSpec> specs, Path out) throws IOException {
        if (!CPythonRunner.found()) {
            command.commandLine().getErr().println("no python3 (3.8 or newer) on the PATH: CPython's loads of the same content are left out");
            return;
        }
        if (specs.size() != 1) {
            command.commandLine().getErr().println("CPython's loads run on one dataset at a time; this run has " + specs.size() + ": left out");
            return;
        }
        ensureGenerated(specs.getFirst().withFormat(PickleFormat.NAME));
        List<String> caches = plan.caches().stream().filter(c -> this.caches == null || this.caches.isEmpty() || this.caches.contains(c)).toList();
        if (caches.isEmpty()) {
            return;
        }
        command.commandLine().getErr().printf("== CPython: %s, %s worker(s), %s, %d interpreters × (%d warm-up + %d shots)%n",
                String.join(", ", plan.ways()), String.join(",", plan.workers()), String.join(",", caches), plan.interpreters(), plan.warmups(), plan.shots());
        CPythonRunner.run(Datasets.root(), Generator.manifestPath(specs.getFirst().withFormat(PickleFormat.NAME)), List.of(
                "--ways", String.join(",", plan.ways()), "--workers", String.join(",", plan.workers()), "--cache", String.join(",", caches),
                "--processes", String.valueOf(plan.interpreters()), "--warmups", String.valueOf(plan.warmups()),
                "--shots", String.valueOf(plan.shots()), "--out", out.toString()));
    }

    /** Stores whose library would not run here: left out of the stores suite's passes. */
    private final java.util.Set<StoreKind> unavailableStores = java.util.EnumSet.noneOf(StoreKind.class);

    /** Builds (or keeps, when they still match) every store of the dataset whose binary spec this is; a store that cannot run here is left out, said in one line. */
    private void buildStores(DatasetSpec binary) throws IOException {
        Manifest manifest = ensureGenerated(binary);
        for (StoreKind kind : StoreKind.values()) {
            try {
                StoreSet set = StoreSet.build(binary, manifest, kind);
                command.commandLine().getErr().println("stores " + set.summary());
            } catch (StoreKind.UnavailableException e) {
                command.commandLine().getErr().println("error: " + e.getMessage() + "; the run goes on without it");
                unavailableStores.add(kind);
            }
        }
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

    /** {@code runs/} (a user's own runs, ignored by git) or, published, {@code results/}: the first name not yet taken. */
    private static Path defaultOutput(Suite suite, boolean publish) {
        String base = LocalDate.now() + "-" + Environment.localHost() + (suite == FULL ? "" : "-" + suite.name());
        Path results = Datasets.root().resolve(publish ? "results" : "runs");
        Path dir = results.resolve(base);
        for (int n = 2; Files.exists(dir); n++) {
            dir = results.resolve(base + "-" + n);
        }
        return dir;
    }
}
