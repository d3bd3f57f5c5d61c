package dictbench.results;

import dictbench.run.HeapProfile;
import dictbench.run.JvmState;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results read from results directories and JMH JSON files, grouped by environment ({@link
 * EnvironmentKey}), then by dataset and format: the unit every table and chart is drawn from, so
 * results from different machines, JDKs, flags or datasets never meet in one comparison.
 *
 * @param environments in the order the inputs first name them
 * @param sources      every JMH JSON file read, in the order given
 * @param cpython      CPython's loads ({@value RunLayout#PYTHON_JSON} beside a run's JMH JSON, or a file of them given
 *                     itself), kept out of the environments: no JVM ran them
 */
public record Results(List<EnvironmentGroup> environments, List<Source> sources, List<BenchmarkResult> cpython) {

    public Results {
        environments = List.copyOf(environments);
        sources = List.copyOf(sources);
        cpython = List.copyOf(cpython);
    }

    /**
     * One JMH JSON file read, and what made it.
     *
     * @param file    the JMH JSON file
     * @param run     its environment's {@link Provenance}; empty for a file without one (or recorded before dictbench wrote it)
     * @param results its benchmarks
     */
    public record Source(Path file, Optional<Provenance> run, List<BenchmarkResult> results) {
        public Source {
            results = List.copyOf(results);
        }
    }

    /**
     * Results from one environment.
     *
     * @param key      what its results share
     * @param sources  the JMH JSON files they came from
     * @param datasets one group per dataset and format, sorted by name
     */
    public record EnvironmentGroup(EnvironmentKey key, List<Path> sources, List<DatasetGroup> datasets) {
        public EnvironmentGroup {
            sources = List.copyOf(sources);
            datasets = List.copyOf(datasets);
        }
    }

    /**
     * The JVM a group's loads ran in: their {@code heap} and {@code jvm} params. Results without them in a run
     * that has them (the baselines) count as {@code sized} and {@code warmed}, the JVM their flags give them.
     */
    public record Profile(String heap, String jvm) {
        public static final Profile SIZED_WARMED = new Profile("sized", "warmed");

        public static Profile of(BenchmarkResult r) {
            return new Profile(r.param("heap").orElse(SIZED_WARMED.heap), r.param("jvm").orElse(SIZED_WARMED.jvm));
        }

        /** {@code heap sized · JVM warmed}. */
        public String describe() {
            return "heap " + heap + " · JVM " + jvm;
        }
    }

    /**
     * Results of one environment on one dataset in one format, and, in a run with heap profiles, one
     * profile and JVM state.
     *
     * @param profile   the heap profile and JVM state of a run that has them; empty for a run without
     * @param timelines per-file timelines of shots of these results, where recorded
     */
    public record DatasetGroup(String dataset, String format, Optional<Profile> profile, List<BenchmarkResult> results,
                               List<Timeline> timelines) {
        public DatasetGroup {
            results = List.copyOf(results);
            timelines = List.copyOf(timelines);
        }

        /** The recorded timeline of a shot of {@code r}, if any. */
        public Optional<Timeline> timelineOf(BenchmarkResult r) {
            return timelines.stream().filter(t -> t.belongsTo(r)).findFirst();
        }
    }

    /** One JMH JSON file with the environment and timelines beside it. */
    private record Run(Path source, Optional<Environment> environment, List<BenchmarkResult> results, List<Timeline> timelines) {
    }

    /**
     * Reads results directories (their {@value RunLayout#JMH_JSON}, {@value RunLayout#ENVIRONMENT_JSON} and
     * {@value RunLayout#TIMELINES}/) and JMH JSON files (with the {@value RunLayout#ENVIRONMENT_JSON} beside each, if any).
     *
     * @throws ResultsException for malformed or foreign JSON, non-finite scores, results that are not
     *     times, a dataset that disagrees with its environment, or the same benchmark and params twice
     *     in one environment; the message names the file
     */
    public static Results read(List<Path> inputs) throws IOException {
        if (inputs.isEmpty()) {
            throw new ResultsException("no results given: name a results directory or JMH JSON files");
        }
        List<Run> runs = new ArrayList<>();
        for (Path input : inputs) {
            runs.add(readRun(input));
        }
        return group(runs);
    }

    /** Where a report on {@code inputs} goes: the first input if it is a directory, else the directory of the first file. */
    public static Path outputDirectory(List<Path> inputs) {
        Path first = inputs.getFirst().toAbsolutePath();
        return Files.isDirectory(first) ? first : first.getParent();
    }

    private static Run readRun(Path input) throws IOException {
        boolean directory = Files.isDirectory(input);
        Path json = directory ? new RunLayout(input).jmhJson() : input;
        if (directory && !Files.isRegularFile(json)) {
            throw new NoSuchFileException(json.toString(), null, "results directory " + input + " has no " + RunLayout.JMH_JSON);
        }
        List<BenchmarkResult> results = new ArrayList<>(JmhResults.read(json));
        Path python = new RunLayout(input).pythonJson();
        if (directory && Files.isRegularFile(python)) {
            for (BenchmarkResult r : JmhResults.read(python)) {
                if (!r.isCPython()) {
                    throw new ResultsException(python + ": " + r.benchmark() + " is not one of CPython's loads (" + BenchmarkResult.CPYTHON_PREFIX
                            + "…); it holds what scripts/python/pyload.py writes");
                }
                results.add(r);
            }
        }
        if (results.isEmpty()) {
            throw new ResultsException(json + " holds no benchmark results");
        }
        Optional<Environment> env = Environment.beside(json);
        for (BenchmarkResult r : results) {
            if (r.millisPerUnit().isEmpty()) {
                throw new ResultsException(json + ": " + r.benchmark() + " is in " + r.unit()
                        + ", not a time per operation; dictbench reports need SingleShotTime or AverageTime results");
            }
            if (env.isPresent() && r.param("dataset").isPresent() && !env.get().datasets().contains(r.param("dataset").get())) {
                throw new ResultsException(json + ": " + r.benchmark() + " ran on dataset " + r.param("dataset").get()
                        + " but " + Environment.fileBeside(json) + " describes dataset " + env.get().dataset());
            }
        }
        List<Timeline> timelines = directory ? Timeline.readAll(new RunLayout(input).timelines()) : List.of();
        return new Run(json, env, results, timelines);
    }

    private record GroupKey(EnvironmentKey environment, String dataset, String format, Optional<Profile> profile) {
    }

    /** Profiles in the order of the enums: sized before default before the collectors; warmed before first-load. */
    private static int profileOrder(Optional<Profile> p) {
        if (p.isEmpty()) {
            return 0;
        }
        return JvmState.order(p.get().jvm()) * 100 + HeapProfile.order(p.get().heap());
    }

    private static Results group(List<Run> runs) throws ResultsException {
        Map<EnvironmentKey, List<Path>> sources = new LinkedHashMap<>();
        Map<GroupKey, List<BenchmarkResult>> results = new HashMap<>();
        Map<GroupKey, List<Timeline>> timelines = new HashMap<>();
        Map<String, Path> seen = new HashMap<>();
        List<BenchmarkResult> cpython = new ArrayList<>();
        java.util.Set<EnvironmentKey> profiled = new java.util.HashSet<>();
        for (Run run : runs) {
            for (BenchmarkResult r : run.results()) {
                if (r.param("heap").isPresent() || r.param("jvm").isPresent()) {
                    profiled.add(run.environment().map(EnvironmentKey::of).orElseGet(() -> EnvironmentKey.of(r)));
                }
            }
        }
        for (Run run : runs) {
            for (BenchmarkResult r : run.results()) {
                EnvironmentKey env = run.environment().map(EnvironmentKey::of).orElseGet(() -> EnvironmentKey.of(r));
                String identity = env + "\u0000" + r.benchmark() + "\u0000" + r.params();
                Path earlier = seen.putIfAbsent(identity, run.source());
                if (earlier != null) {
                    throw new ResultsException(run.source() + ": " + r.benchmark() + " with params " + r.params()
                            + " appears twice in one environment (also in " + earlier + "); give each configuration once");
                }
                if (r.isCPython()) {
                    cpython.add(r);
                    continue;
                }
                List<Path> envSources = sources.computeIfAbsent(env, k -> new ArrayList<>());
                if (!envSources.contains(run.source())) {
                    envSources.add(run.source());
                }
                GroupKey key = new GroupKey(env, r.param("dataset").orElse("(no dataset)"), r.param("format").orElse("(no format)"),
                        profiled.contains(env) ? Optional.of(Profile.of(r)) : Optional.empty());
                results.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                run.timelines().stream().filter(t -> t.belongsTo(r))
                        .forEach(t -> timelines.computeIfAbsent(key, k -> new ArrayList<>()).add(t));
            }
        }
        List<EnvironmentGroup> groups = new ArrayList<>();
        for (var env : sources.entrySet()) {
            List<DatasetGroup> datasets = results.keySet().stream()
                    .filter(k -> k.environment().equals(env.getKey()))
                    .sorted(Comparator.comparing(GroupKey::dataset).thenComparing(GroupKey::format)
                            .thenComparingInt(k -> profileOrder(k.profile())))
                    .map(k -> new DatasetGroup(k.dataset(), k.format(), k.profile(), results.get(k), timelines.getOrDefault(k, List.of())))
                    .toList();
            groups.add(new EnvironmentGroup(env.getKey(), env.getValue(), datasets));
        }
        return new Results(groups, runs.stream()
                .map(r -> new Source(r.source(), r.environment().flatMap(e -> Optional.ofNullable(e.run())), r.results())).toList(), cpython);
    }
}
