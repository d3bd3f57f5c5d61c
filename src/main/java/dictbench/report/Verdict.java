package dictbench.report;

import dictbench.format.Cells;
import dictbench.format.Table;
import dictbench.format.TableFormat;
import dictbench.results.BenchmarkResult;
import dictbench.run.Catalogue;
import dictbench.run.HeapProfile;
import dictbench.run.JvmState;
import dictbench.stats.Speedup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A run's answer in a few lines, generated from its results: for each dataset, format, heap profile, JVM
 * state and cache state, the load configurations ranked by median time, each labelled from the intervals
 * ({@link Label}), and one line in the style of hyperfine's summary: the fastest with its ratio against
 * sequential, what cannot be told apart from it, and how much slower the slowest is. A sample too small to
 * rank (under {@value #MIN_FORKS} forks or {@value #MIN_SHOTS} shots) names no winner.
 * The console, {@code summary.md}, the report and the README's headline all print this.
 */
public final class Verdict {

    /** Fewer forks than this cannot show JVM-to-JVM variation: the interval is the shots' alone. */
    static final int MIN_FORKS = 2;
    /** Fewer shots than this in a configuration give no interval worth the name. */
    static final int MIN_SHOTS = 3;

    /** What this run can say of a configuration, from the intervals. */
    public enum Label {
        FASTEST("fastest"),
        TIED("cannot be told apart from the fastest"),
        FASTER("faster than sequential"),
        NO_FASTER("no faster than sequential"),
        SLOWER("slower than sequential");

        private final String text;

        Label(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One configuration in its group's ranking. {@code vsFastest}: T(this) / T(fastest), so above 1 means slower. */
    public record Ranked(SummaryTable.Row row, Label label, Speedup vsFastest) {
    }

    /**
     * One group's verdict: where (dataset, cache, heap, JVM), its configurations fastest first, and whether the sample
     * can rank them at all.
     */
    public record Group(String where, List<Ranked> ranked, Optional<String> tooFew) {

        /** The group's line, in the style of hyperfine's summary. */
        public String line() {
            String head = where.isEmpty() ? "" : where + ": ";
            if (tooFew.isPresent()) {
                return head + "too few to rank (" + tooFew.get() + "); rerun with --forks " + MIN_FORKS + " or more. Medians: "
                        + ranked.stream().map(r -> Charts.configName(r.row()) + " " + Cells.number(r.row().medianMillis()) + " ms")
                        .collect(Collectors.joining(", ")) + ".";
            }
            SummaryTable.Row best = ranked.getFirst().row();
            StringBuilder out = new StringBuilder(head).append(Charts.configName(best));
            if (best.result().is(Catalogue.SEQUENTIAL) || best.speedup().isEmpty()) {
                out.append(" loaded it fastest, ").append(best.timeCell());
            } else {
                Speedup s = best.speedup().get();
                out.append(" loaded it ").append(times(s.ratio(), s.ratioCi())).append(s.ratioCi().lower() > 1 ? " faster than sequential"
                        : " sequential's speed, not told apart from it").append(" (").append(best.timeCell()).append(")");
            }
            List<String> tied = ranked.stream().filter(r -> r.label() == Label.TIED).map(r -> Charts.configName(r.row())).toList();
            if (!tied.isEmpty()) {
                String names = tied.size() == 1 ? tied.getFirst()
                        : String.join(", ", tied.subList(0, tied.size() - 1)) + " and " + tied.getLast();
                out.append("; ").append(names).append(" cannot be told apart from it");
            }
            Ranked slowest = ranked.getLast();
            if (ranked.size() > 1 && slowest.label() != Label.TIED) {
                out.append("; ").append(Charts.configName(slowest.row())).append(" is ")
                        .append(times(slowest.vsFastest().ratio(), slowest.vsFastest().ratioCi())).append(" slower");
            }
            return out.append('.').toString();
        }
    }

    private final List<Group> groups;

    private Verdict(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** The verdict of {@code results}, one run's, on a machine with {@code cores} processors (empty: unknown). */
    public static Verdict of(List<BenchmarkResult> results, OptionalInt cores) {
        Map<Key, List<BenchmarkResult>> byKey = new LinkedHashMap<>();
        results.stream().filter(BenchmarkResult::isLoad)
                .sorted(Comparator.comparing((BenchmarkResult r) -> r.param("dataset").orElse(""))
                        .thenComparing(r -> r.param("format").orElse(""))
                        .thenComparing(r -> r.param("jvm").map(JvmState::order).orElse(-1))
                        .thenComparing(r -> r.param("heap").map(HeapProfile::order).orElse(-1))
                        .thenComparing(r -> r.param("cache").orElse("").equals("warm") ? 0 : 1))
                .forEach(r -> byKey.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r));
        boolean severalDatasets = byKey.keySet().stream().map(k -> k.dataset() + "/" + k.format()).distinct().count() > 1;
        List<Group> groups = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            groups.add(group(e.getKey(), SummaryTable.of(e.getValue(), cores).rows(), severalDatasets));
        }
        return new Verdict(groups);
    }

    public List<Group> groups() {
        return groups;
    }

    /** One line per dataset, format, heap profile, JVM state and cache state; empty for a run with no load results. */
    public List<String> lines() {
        return groups.stream().map(Group::line).toList();
    }

    /** The verdict as Markdown: a heading, its lines, then each group's ranking with every configuration's label. */
    public String markdown() {
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Verdict\n\n");
        lines().forEach(l -> out.append("- ").append(l).append('\n'));
        out.append('\n').append(TableFormat.MARKDOWN.render(table("")));
        return out.append('\n').toString();
    }

    /** Every group's ranking: where, rank, configuration, median, ratio to sequential (above 1: faster), label. */
    public Table table(String title) {
        List<List<String>> rows = new ArrayList<>();
        for (Group g : groups) {
            int rank = 1;
            for (Ranked r : g.ranked()) {
                rows.add(List.of(g.where(), String.valueOf(rank++), Charts.configName(r.row()), r.row().timeCell(),
                        Cells.optional(r.row().speedup(), sp -> Cells.ratio(sp.ratio(), sp.ratioCi())),
                        g.tooFew().isPresent() ? "too few to rank" : r.label().toString()));
            }
        }
        return Table.of(title, List.of("where", "rank", "configuration", "median time [99% CI]",
                "speedup vs sequential [99% CI] (above 1: faster)", "this run says"), 2, rows, List.of());
    }

    /** The verdict for a terminal: its lines, headed. */
    public String text() {
        if (groups.isEmpty()) {
            return "";
        }
        return "Verdict:\n" + lines().stream().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

    /** What a group shares: dataset, format, heap profile, JVM state and cache state ("" where a result has none). */
    private record Key(String dataset, String format, String heap, String jvm, String cache) {
        static Key of(BenchmarkResult r) {
            return new Key(r.param("dataset").orElse(""), r.param("format").orElse(""), r.param("heap").orElse(""),
                    r.param("jvm").orElse(""), r.param("cache").orElse(""));
        }

        /** {@code Warm cache, heap sized, JVM warmed}, the dataset first when the run has several. */
        String where(boolean withDataset) {
            List<String> parts = new ArrayList<>();
            if (withDataset) {
                parts.add(dataset + " (" + format + ")");
            }
            if (!cache.isEmpty()) {
                parts.add(cache + " cache");
            }
            if (!heap.isEmpty()) {
                parts.add("heap " + heap);
            }
            if (!jvm.isEmpty()) {
                parts.add("JVM " + jvm);
            }
            String s = String.join(", ", parts);
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    private static Group group(Key key, List<SummaryTable.Row> rows, boolean severalDatasets) {
        List<SummaryTable.Row> sorted = rows.stream().sorted(Comparator.comparingDouble(SummaryTable.Row::medianMillis)).toList();
        SummaryTable.Row best = sorted.getFirst();
        List<Ranked> ranked = new ArrayList<>();
        for (SummaryTable.Row r : sorted) {
            Speedup slower = Speedup.of(r.result().primary(), best.result().primary(), 1); // T(r) / T(best): how much slower r is
            Label label = r == best ? Label.FASTEST
                    : slower.ratioCi().contains(1) ? Label.TIED
                    : r.speedup().map(sp -> sp.ratioCi().lower() > 1 ? Label.FASTER : sp.ratioCi().upper() < 1 ? Label.SLOWER : Label.NO_FASTER)
                    .orElse(Label.NO_FASTER);
            ranked.add(new Ranked(r, label, slower));
        }
        int forks = rows.stream().mapToInt(r -> r.result().primary().forkCount()).min().orElse(0);
        int shots = rows.stream().mapToInt(r -> r.result().primary().size()).min().orElse(0);
        Optional<String> tooFew = forks >= MIN_FORKS && shots >= MIN_SHOTS ? Optional.empty()
                : Optional.of(Cells.count(forks, "fork") + " × " + Cells.count(shots / Math.max(1, forks), "shot") + ": the intervals "
                        + (shots < MIN_SHOTS ? "are no intervals" : "miss the JVM-to-JVM variation"));
        return new Group(key.where(severalDatasets), ranked, tooFew);
    }

    /** A ratio as a factor: {@code 1.62× [1.34, 2.26]}. */
    private static String times(double value, dictbench.stats.ConfidenceInterval ci) {
        return String.format(java.util.Locale.ROOT, "%.2f× [%.2f, %.2f]", value, ci.lower(), ci.upper());
    }
}
