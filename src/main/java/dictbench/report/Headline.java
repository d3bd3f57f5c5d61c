package dictbench.report;

import dictbench.format.Cells;
import dictbench.format.Table;
import dictbench.format.TableFormat;
import dictbench.results.BenchmarkResult;
import dictbench.results.Results;
import dictbench.run.Catalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The README's headline for one published run, generated so that it cannot drift from the run: the warm-cache
 * load configurations every heap profile and JVM state ran, side by side (median [99% CI]), each profile's
 * fastest against sequential, the run's {@link Verdict} for the warm cache, and CPython's fastest against the JVM's (sized
 * and warmed, and an application's first load) where the run has CPython's loads ({@link CPythonComparison}).
 */
public final class Headline {

    private Headline() {
    }

    /** The headline of one run's results ({@code runDir} as the README links it). */
    /**
     * The README's stores block: from a run of the stores suite, per cache state of its first dataset, the way that answers
     * many lookups soonest and the one that answers a few, the target ratios and the break-evens
     * ({@link StoreFindings}); empty when the run has no store results.
     */
    public static Optional<String> storesMarkdown(String runDir, Results results) {
        Results.EnvironmentGroup env = results.environments().getFirst();
        List<BenchmarkResult> all = env.datasets().stream().flatMap(d -> d.results().stream()).toList();
        String dataset = all.stream().filter(BenchmarkResult::isStore).map(r -> r.param("dataset").orElse("")).findFirst().orElse("");
        List<BenchmarkResult> mine = all.stream().filter(r -> r.param("dataset").orElse("").equals(dataset)).toList();
        List<StoreCosts> costs = StoreCosts.of(mine, dictbench.stats.Bootstrap.Options.defaults());
        if (costs.isEmpty()) {
            return Optional.empty();
        }
        long entries = StoreCosts.entries(mine);
        StringBuilder out = new StringBuilder();
        out.append("[`").append(runDir).append("/`](").append(runDir).append("/), ")
                .append(env.key().cpu()).append(", dataset `").append(dataset).append("`, heap sized, JVM warmed unless a line says otherwise; medians [99% CI]:\n\n");
        for (StoreCosts c : costs) {
            for (String line : StoreFindings.readmeLines(c, entries)) {
                out.append("- ").append(line.replace("[99% CI ", "[")).append('\n');
            }
        }
        return Optional.of(out.append('\n').toString());
    }

    public static String markdown(String runDir, Results results) {
        Results.EnvironmentGroup env = results.environments().getFirst();
        OptionalInt cores = env.key().cores();
        List<BenchmarkResult> all = env.datasets().stream().flatMap(d -> d.results().stream()).toList();
        String dataset = all.stream().filter(BenchmarkResult::isLoad).map(r -> r.param("dataset").orElse("")).findFirst().orElse("");
        Map<Results.Profile, SummaryTable> warm = new LinkedHashMap<>();
        for (Results.DatasetGroup group : env.datasets()) {
            if (!group.dataset().equals(dataset)) {
                continue;
            }
            List<BenchmarkResult> loads = group.results().stream().filter(BenchmarkResult::isLoad)
                    .filter(r -> r.param("cache").orElse("").equals("warm")).toList();
            if (!loads.isEmpty()) {
                warm.put(group.profile().orElse(Results.Profile.SIZED_WARMED), SummaryTable.of(loads, cores));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("[`").append(runDir).append("/`](").append(runDir).append("/), ")
                .append(env.key().cpu()).append(", ").append(cores.isPresent() ? cores.getAsInt() + " cores, " : "")
                .append(env.key().jdk()).append("; dataset `").append(dataset).append("`, warm page cache; median [99% CI] per load, ")
                .append("each row a heap profile and JVM state:\n\n");
        Set<String> columns = commonConfigurations(warm.values());
        List<List<String>> rows = new ArrayList<>();
        for (var e : warm.entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey().heap(), e.getKey().jvm()));
            for (String c : columns) {
                row.add(e.getValue().rows().stream().filter(r -> Charts.configName(r).equals(c)).findFirst()
                        .map(SummaryTable.Row::timeCell).orElse(Cells.NA));
            }
            Optional<SummaryTable.Row> best = e.getValue().rows().stream().min(Comparator.comparingDouble(SummaryTable.Row::medianMillis));
            row.add(best.map(b -> Charts.configName(b) + " " + b.speedup().map(s -> Cells.ratio(s.ratio(), s.ratioCi())).orElse(Cells.NA))
                    .orElse(Cells.NA));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("heap", "JVM"));
        header.addAll(columns);
        header.add("fastest, vs sequential");
        List<Boolean> numeric = new ArrayList<>(List.of(false, false));
        columns.forEach(c -> numeric.add(true));
        numeric.add(false);
        out.append(TableFormat.MARKDOWN.render(new Table("", header, numeric, rows, List.of())));
        List<BenchmarkResult> warmLoads = all.stream().filter(BenchmarkResult::isLoad)
                .filter(r -> r.param("dataset").orElse("").equals(dataset) && r.param("cache").orElse("").equals("warm")).toList();
        out.append("\n**Verdict**\n\n");
        Verdict.of(warmLoads, cores).lines().forEach(l -> out.append("- ").append(l).append('\n'));
        Report.recommendation(results).ifPresent(r -> out.append("- ").append(r).append('\n'));
        CPythonComparison.headlineLines(results).forEach(l -> out.append("- ").append(l).append('\n'));
        results.sources().getFirst().run().ifPresent(run -> out.append("\nThe run: `dictbench ").append(run.command()).append("` at ")
                .append(run.shortCommit()).append(run.dirty() ? " (with uncommitted changes)" : "").append(", ")
                .append(minutesAndSeconds(run.duration())).append(" from start to end.\n"));
        return out.toString();
    }

    private static String minutesAndSeconds(java.time.Duration d) {
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** The configurations (label ×threads) in every table, sequential first, then in the first table's order of medians. */
    private static Set<String> commonConfigurations(java.util.Collection<SummaryTable> tables) {
        Set<String> common = null;
        for (SummaryTable t : tables) {
            Set<String> names = new LinkedHashSet<>();
            t.rows().stream().filter(r -> r.result().is(Catalogue.SEQUENTIAL)).forEach(r -> names.add(Charts.configName(r)));
            t.rows().stream().filter(r -> !r.result().is(Catalogue.SEQUENTIAL))
                    .sorted(Comparator.comparingDouble(SummaryTable.Row::medianMillis)).forEach(r -> names.add(Charts.configName(r)));
            if (common == null) {
                common = names;
            } else {
                common.retainAll(names);
            }
        }
        return common == null ? Set.of() : common;
    }
}
