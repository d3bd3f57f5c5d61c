package dictbench.report;

import dictbench.format.Cells;
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
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A run's answer in a few lines, generated from its results: for each dataset, format, heap profile, JVM
 * state and cache state, the load configurations ranked by median time, the fastest with its ratio against
 * sequential and its interval, and the configurations this run cannot tell apart from it (the interval of
 * their ratio reaches 1). A sample too small to have an interval says so instead of looking precise.
 * The console, {@code summary.md}, the report and the README's headline all print this.
 */
public final class Verdict {

    /** Fewer forks than this cannot show JVM-to-JVM variation: the interval is the shots' alone. */
    static final int MIN_FORKS = 2;
    /** How many of the ranked configurations a line names after the fastest. */
    static final int RUNNERS_UP = 3;

    private final List<String> lines;

    private Verdict(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The verdict of {@code results}, one run's, on a machine with {@code cores} processors (empty: unknown). */
    public static Verdict of(List<BenchmarkResult> results, OptionalInt cores) {
        Map<List<String>, List<BenchmarkResult>> groups = new LinkedHashMap<>();
        results.stream().filter(BenchmarkResult::isLoad)
                .sorted(Comparator.comparing((BenchmarkResult r) -> r.param("dataset").orElse(""))
                        .thenComparing(r -> r.param("format").orElse(""))
                        .thenComparing(r -> r.param("jvm").map(JvmState::order).orElse(-1))
                        .thenComparing(r -> r.param("heap").map(HeapProfile::order).orElse(-1))
                        .thenComparing(r -> r.param("cache").orElse("").equals("warm") ? 0 : 1))
                .forEach(r -> groups.computeIfAbsent(List.of(r.param("dataset").orElse(""), r.param("format").orElse(""),
                        r.param("heap").orElse(""), r.param("jvm").orElse(""), r.param("cache").orElse("")), k -> new ArrayList<>()).add(r));
        boolean severalDatasets = groups.keySet().stream().map(k -> k.get(0) + "/" + k.get(1)).distinct().count() > 1;
        List<String> lines = new ArrayList<>();
        for (var group : groups.entrySet()) {
            lines.add(line(group.getKey(), SummaryTable.of(group.getValue(), cores).rows(), severalDatasets));
        }
        return new Verdict(lines);
    }

    /** One sentence per dataset, format, heap profile, JVM state and cache state; empty for a run with no load results. */
    public List<String> lines() {
        return lines;
    }

    /** The verdict as a Markdown section: a heading and one bullet per line (nothing for a run with no loads). */
    public String markdown() {
        if (lines.isEmpty()) {
            return "";
        }
        return "## Verdict\n\n" + lines.stream().map(l -> "- " + l + "\n").collect(Collectors.joining()) + "\n";
    }

    /** The verdict for a terminal: the same lines, headed. */
    public String text() {
        if (lines.isEmpty()) {
            return "";
        }
        return "Verdict:\n" + lines.stream().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

    private static String line(List<String> key, List<SummaryTable.Row> rows, boolean severalDatasets) {
        List<SummaryTable.Row> ranked = rows.stream().sorted(Comparator.comparingDouble(SummaryTable.Row::medianMillis)).toList();
        SummaryTable.Row best = ranked.getFirst();
        StringBuilder out = new StringBuilder();
        List<String> where = new ArrayList<>();
        if (severalDatasets) {
            where.add(key.get(0) + " (" + key.get(1) + ")");
        }
        if (!key.get(4).isEmpty()) {
            where.add(key.get(4) + " cache");
        }
        if (!key.get(2).isEmpty()) {
            where.add("heap " + key.get(2));
        }
        if (!key.get(3).isEmpty()) {
            where.add("JVM " + key.get(3));
        }
        out.append(where.isEmpty() ? "" : capitalised(String.join(", ", where)) + ": ");
        out.append(Charts.configName(best)).append(" is fastest, ").append(best.timeCell());
        if (best.result().is(Catalogue.SEQUENTIAL)) {
            out.append(", sequential itself");
        } else {
            best.speedup().ifPresent(s -> out.append(", ").append(Cells.ratio(s.ratio(), s.ratioCi())).append(" sequential")
                    .append(s.ratioCi().contains(1) ? " (not told apart from sequential)" : ""));
        }
        List<String> ties = new ArrayList<>();
        List<String> next = new ArrayList<>();
        for (SummaryTable.Row other : ranked.subList(1, ranked.size())) {
            Speedup vs = Speedup.of(other.result().primary(), best.result().primary(), 1);
            if (vs.ratioCi().contains(1)) {
                ties.add(Charts.configName(other));
            }
            if (next.size() < RUNNERS_UP) {
                next.add(Charts.configName(other) + " " + Cells.number(other.medianMillis()) + " ms");
            }
        }
        if (!next.isEmpty()) {
            int more = ranked.size() - 1 - next.size();
            out.append("; then ").append(String.join(", ", next)).append(more > 0 ? " and " + more + " more" : "");
        }
        out.append(ties.isEmpty() ? ". Every other configuration is slower beyond its interval."
                : ". Not told apart from it in this run: " + String.join(", ", ties) + ".");
        int forks = rows.stream().mapToInt(r -> r.result().primary().forkCount()).min().orElse(0);
        int shots = rows.stream().mapToInt(r -> r.result().primary().size()).min().orElse(0);
        if (forks < MIN_FORKS || shots < 3) {
            out.append(" Too few to rank: ").append(forks).append(forks == 1 ? " fork" : " forks").append(" × ")
                    .append(shots / Math.max(1, forks)).append(" shots, so the intervals ")
                    .append(shots < 3 ? "are no intervals" : "miss the JVM-to-JVM variation")
                    .append("; rerun with --forks ").append(MIN_FORKS).append(" or more before acting on it.");
        }
        return out.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
