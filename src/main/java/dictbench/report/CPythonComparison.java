package dictbench.report;

import dictbench.format.Cells;
import dictbench.format.Table;
import dictbench.results.BenchmarkResult;
import dictbench.results.Results;
import dictbench.run.Catalogue;
import dictbench.stats.Bootstrap;
import dictbench.stats.Descriptive;
import dictbench.stats.Estimate;
import dictbench.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * CPython's loads of a dataset's pickles ({@link Results#cpython()}) beside the JVM's loads of the same content in the
 * same run: per cache state, CPython's fastest way against the JVM's fastest load in each heap profile and JVM state,
 * as a ratio of medians with its bootstrap interval, and the time each hands over its first dict.
 */
public final class CPythonComparison {
    static final String METHOD = "CPython rows: scripts/python/pyload.py, each way in several fresh interpreters, each timing a few shots "
            + "after a warm-up; a shot loads every pickle of the dataset into one dict per file (a pool's workers started before the "
            + "first shot). The pickles hold exactly the manifest's content, as the JVM's files do. JVM rows: each heap profile and JVM "
            + "state's fastest load of the same dataset. First map: when the first file's dict was complete, from the shot's start.";

    /** The fastest load of one side in one cache state (and, for the JVM, one heap profile and JVM state). */
    record Best(BenchmarkResult result, String who, double medianMs, String label) {
    }

    private CPythonComparison() {
    }

    /** The datasets CPython ran, in the order its results name them. */
    static List<String> datasets(Results results) {
        return results.cpython().stream().map(r -> r.param("dataset").orElse("?")).distinct().toList();
    }

    private static List<String> caches(Results results, String dataset) {
        return results.cpython().stream().filter(r -> onDataset(r, dataset)).map(r -> r.param("cache").orElse("warm")).distinct().toList();
    }

    private static boolean onDataset(BenchmarkResult r, String dataset) {
        return r.param("dataset").orElse("?").equals(dataset);
    }

    private static boolean inCache(BenchmarkResult r, String cache) {
        return r.param("cache").orElse("warm").equals(cache);
    }

    private static double medianMs(BenchmarkResult r) {
        return Descriptive.median(r.primary().all()) * r.millisPerUnit().orElse(1.0);
    }

    /** The interpreter that ran a CPython result: {@code CPython 3.11.7}. */
    private static String runtime(BenchmarkResult r) {
        return r.vmName().isEmpty() ? "CPython" : r.vmName();
    }

    /** CPython's way as a label: {@code ThreadPoolExecutor ×2}. */
    static String label(BenchmarkResult r) {
        return r.className() + r.param("workers").filter(w -> !r.className().equals("Sequential")).map(w -> " ×" + w).orElse("");
    }

    /** The JVM's load as a label: {@code platform ×2 (binary)}. */
    private static String jvmLabel(BenchmarkResult r, OptionalInt cores) {
        // virtual threads take no thread count: they run on as many carriers as the machine has cores
        String threads = r.param("threads").map(t -> " ×" + t).orElse(r.is(Catalogue.SEQUENTIAL) ? " ×1"
                : cores.isPresent() ? " ×" + cores.getAsInt() : "");
        return r.label() + threads + " (" + r.param("format").orElse("?") + ")";
    }

    private static Optional<Best> cpythonBest(Results results, String dataset, String cache) {
        return results.cpython().stream().filter(r -> onDataset(r, dataset) && inCache(r, cache))
                .min(Comparator.comparingDouble(CPythonComparison::medianMs))
                .map(r -> new Best(r, runtime(r), medianMs(r), label(r)));
    }

    /** The JVM's fastest load per heap profile and JVM state (sized · warmed first), on the dataset in the cache state. */
    private static List<Best> jvmBests(Results results, String dataset, String cache) {
        Map<String, Best> best = new LinkedHashMap<>();
        for (Results.EnvironmentGroup env : results.environments()) {
            for (Results.DatasetGroup group : env.datasets()) {
                if (!group.dataset().equals(dataset)) {
                    continue;
                }
                String profile = group.profile().orElse(Results.Profile.SIZED_WARMED).describe();
                for (BenchmarkResult r : group.results()) {
                    if (!r.isLoad() || !inCache(r, cache) || r.millisPerUnit().isEmpty()) {
                        continue;
                    }
                    Best b = new Best(r, profile, medianMs(r), jvmLabel(r, env.key().cores()));
                    best.merge(profile, b, (x, y) -> x.medianMs() <= y.medianMs() ? x : y);
                }
            }
        }
        return List.copyOf(best.values());
    }

    /** CPython's median over the JVM's, with its bootstrap interval: above 1, the JVM loads it faster. */
    static Estimate ratio(BenchmarkResult cpython, BenchmarkResult jvm) {
        double scale = cpython.millisPerUnit().orElse(1.0) / jvm.millisPerUnit().orElse(1.0);
        return Bootstrap.twoSample(cpython.primary(), jvm.primary(),
                (c, j) -> scale * Descriptive.median(c) / Descriptive.median(j), Bootstrap.Options.defaults());
    }

    /** The JVM profiles the README's headline sets CPython against: the sized heap warmed, and an application's first load. */
    static final List<String> HEADLINE_PROFILES = List.of(Results.Profile.SIZED_WARMED.describe(), new Results.Profile("default", "first-load").describe());

    /** One comparison: the dataset and JVM profile ("" where no JVM load ran) it belongs to, and its sentence. */
    private record Line(String dataset, String profile, String text) {
    }

    /** One line per dataset, cache state and JVM profile: CPython's fastest against the JVM's fastest. */
    private static List<Line> comparisons(Results results) {
        List<Line> out = new ArrayList<>();
        for (String dataset : datasets(results)) {
            for (String cache : caches(results, dataset)) {
                Optional<Best> py = cpythonBest(results, dataset, cache);
                if (py.isEmpty()) {
                    continue;
                }
                List<Best> jvms = jvmBests(results, dataset, cache);
                if (jvms.isEmpty()) {
                    out.add(new Line(dataset, "", capitalised(cache) + " cache, dataset " + dataset
                            + ": CPython ran, but no JVM load of the dataset is in these results"));
                }
                for (Best jvm : jvms) {
                    Estimate e = ratio(py.get().result(), jvm.result());
                    out.add(new Line(dataset, jvm.who(), String.format(Locale.ROOT, "%s cache, dataset %s: CPython's fastest load (%s, %s) "
                                    + "takes %s× [%s, %s] the time of the JVM's fastest (%s, %s)%s: %s against %s.", capitalised(cache), dataset,
                            py.get().label(), py.get().who(), Cells.number(e.value()), Cells.number(e.ci().lower()), Cells.number(e.ci().upper()),
                            jvm.label(), jvm.who(), e.ci().lower() > 1 ? ", which is faster" : e.ci().upper() < 1 ? "; CPython is faster"
                                    : "; the run cannot tell them apart", time(py.get().result()), time(jvm.result()))));
                }
            }
        }
        return out;
    }

    /** Every comparison's sentence: the verdict's CPython lines. */
    public static List<String> lines(Results results) {
        return comparisons(results).stream().map(Line::text).toList();
    }

    /** The sentences of one dataset: its findings in the report. */
    static List<String> lines(Results results, String dataset) {
        return comparisons(results).stream().filter(l -> l.dataset().equals(dataset)).map(Line::text).toList();
    }

    /** The sentences of the {@link #HEADLINE_PROFILES} only: the README's headline. */
    static List<String> headlineLines(Results results) {
        return comparisons(results).stream().filter(l -> HEADLINE_PROFILES.contains(l.profile())).map(Line::text).toList();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String time(BenchmarkResult r) {
        return Cells.time(Summary.of(r.primary()), r.unit());
    }

    /** Every CPython way and the JVM's fastest per profile, for one dataset: time per shot and time to the first map. */
    static Table table(Results results, String dataset) {
        List<List<String>> cells = new ArrayList<>();
        for (String cache : caches(results, dataset)) {
            Optional<BenchmarkResult> sequential = results.cpython().stream()
                    .filter(r -> onDataset(r, dataset) && inCache(r, cache) && r.className().equals("Sequential")).findFirst();
            for (Best jvm : jvmBests(results, dataset, cache)) {
                cells.add(List.of(cache, "JVM, " + jvm.who(), jvm.label(), time(jvm.result()), SummaryTable.firstMapCell(jvm.result()),
                        sequential.map(s -> Cells.ratio(medianMs(s) / jvm.medianMs(), ratio(s, jvm.result()).ci())).orElse(Cells.NA)));
            }
            results.cpython().stream().filter(r -> onDataset(r, dataset) && inCache(r, cache))
                    .sorted(Comparator.comparingDouble(CPythonComparison::medianMs))
                    .forEach(r -> cells.add(List.of(cache, runtime(r), label(r), time(r), SummaryTable.firstMapCell(r),
                            sequential.map(s -> Cells.ratio(medianMs(s) / medianMs(r), ratio(s, r).ci()))
                                    .orElse(Cells.NA))));
        }
        return Table.of("CPython beside the JVM — dataset " + dataset, List.of("cache", "runtime", "way", "median time per shot [99% CI]",
                "first map (median)", "vs CPython sequential [99% CI] (above 1: faster)"), 3, cells, List.of(METHOD));
    }
}
