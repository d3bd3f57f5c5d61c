package dictbench.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dictbench.format.Cells;
import dictbench.format.Table;
import dictbench.format.TableFormat;
import dictbench.results.ResultsException;
import dictbench.stats.ConfidenceInterval;
import dictbench.stats.Descriptive;
import dictbench.stats.PerformanceChange;
import dictbench.stats.Proportion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How often the regression gate is wrong on this machine, from real runs (docs/gate.md):
 * runs of the normal build ({@code runs/a-NN/}) and of builds slowed by a known percentage
 * ({@code runs/slowedP-NN/}, see {@code scripts/calibrate-gate}). Every pair of normal runs is an A/A
 * comparison (the earlier run is the baseline); every normal run against every slowed run is a
 * detection trial. Each pair is judged by the gate with {@code settings} and by the two plain ratio
 * rules other tools use, so the three can be set side by side on the same runs.
 *
 * @param settings the gate's settings
 * @param runs every run, normal ones first, each group in label order
 * @param pairs every judged pair
 */
public record Calibration(PerformanceChange.Settings settings, List<Run> runs, List<Pair> pairs) {

    /** Confidence of the intervals on the rates. */
    public static final double RATE_CONFIDENCE = 0.95;
    private static final Pattern LABEL = Pattern.compile("(?:a|slowed(\\d+))-\\d+");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Calibration {
        runs = List.copyOf(runs);
        pairs = List.copyOf(pairs);
    }

    /**
     * A rule that says whether a run is slower than its baseline. A pair "alarms" when the rule flags
     * at least one benchmark: that is when CI would fail.
     */
    public enum Rule {
        GATE,
        RATIO_5,
        RATIO_200;

        /** The rule for people; the gate's names the settings it was judged with. */
        String description(PerformanceChange.Settings settings) {
            return switch (this) {
                case GATE -> "dictbench gate (threshold " + Sentences.number(100 * settings.threshold()) + "%, α "
                        + Sentences.number(settings.alpha()) + ", " + settings.correction().displayName() + ": REGRESSED)";
                case RATIO_5 -> "ratio of means > 1.05 (jmh-visualizer's ±5% band)";
                case RATIO_200 -> "ratio of means ≥ 2 (github-action-benchmark's default 200% alert)";
            };
        }
    }

    /**
     * One run.
     *
     * @param label its directory name, e.g. {@code a-03} or {@code slowed10-01}
     * @param slowdownPercent the injected slowdown, 0 for the normal build
     * @param jmhJson its JMH JSON
     */
    public record Run(String label, int slowdownPercent, Path jmhJson) {
    }

    /**
     * One comparison.
     *
     * @param baseline the normal run taken as baseline
     * @param current the run judged
     * @param flagged per rule, how many benchmarks it flagged
     * @param verdicts the gate's verdict counts
     * @param ratios per benchmark, the ratio of medians (current / baseline)
     */
    public record Pair(Run baseline, Run current, Map<Rule, Integer> flagged,
                       Map<PerformanceChange.Verdict, Integer> verdicts, double[] ratios) {

        /** Benchmarks compared. */
        public int benchmarks() {
            return ratios.length;
        }

        public boolean alarm(Rule rule) {
            return flagged.get(rule) > 0;
        }

        public int level() {
            return current.slowdownPercent();
        }
    }

    /**
     * Reads {@code dir/runs/<label>/jmh.json} and judges every pair.
     *
     * @throws NoSuchFileException if there is no {@code runs} directory
     * @throws ResultsException if a run directory has a label that is not {@code a-NN} or
     *     {@code slowedP-NN}, fewer than two normal runs exist, or the gate refuses a pair
     *     (different environments, nothing in common)
     */
    public static Calibration of(Path dir, PerformanceChange.Settings settings) throws IOException {
        Path runsDir = dir.resolve("runs");
        if (!Files.isDirectory(runsDir)) {
            throw new NoSuchFileException(runsDir.toString(), null, "no calibration runs; make them with scripts/calibrate-gate");
        }
        List<Run> normal = new ArrayList<>();
        List<Run> slowed = new ArrayList<>();
        try (Stream<Path> list = Files.list(runsDir)) {
            for (Path run : list.filter(Files::isDirectory).sorted().toList()) {
                String label = run.getFileName().toString();
                Matcher m = LABEL.matcher(label);
                if (!m.matches()) {
                    throw new ResultsException(run + ": not a calibration run; run directories are named a-NN or slowedP-NN");
                }
                Run r = new Run(label, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), run.resolve("jmh.json"));
                (r.slowdownPercent() == 0 ? normal : slowed).add(r);
            }
        }
        if (normal.size() < 2) {
            throw new ResultsException(runsDir + " has " + normal.size() + " normal run(s) (a-NN); A/A pairs need at least 2");
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < normal.size(); i++) {
            for (int j = i + 1; j < normal.size(); j++) {
                pairs.add(judge(normal.get(i), normal.get(j), settings));
            }
        }
        for (Run s : slowed) {
            for (Run a : normal) {
                pairs.add(judge(a, s, settings));
            }
        }
        List<Run> runs = new ArrayList<>(normal);
        runs.addAll(slowed);
        return new Calibration(settings, runs, pairs);
    }

    private static Pair judge(Run baseline, Run current, PerformanceChange.Settings settings) throws IOException {
        Comparison report = Comparison.compare(baseline.jmhJson(), current.jmhJson(), settings, false);
        Map<Rule, Integer> flagged = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            flagged.put(rule, 0);
        }
        Map<PerformanceChange.Verdict, Integer> verdicts = new EnumMap<>(PerformanceChange.Verdict.class);
        double[] ratios = new double[report.rows().size()];
        for (int i = 0; i < ratios.length; i++) {
            Comparison.Row row = report.rows().get(i);
            verdicts.merge(row.verdict(), 1, Integer::sum);
            ratios[i] = row.result().ratio().value();
            // the ratio rules look at JMH's score, the mean of every shot, as those tools do
            double slowdown = row.pair().direction().slowdown(row.current().mean() / row.baseline().mean());
            count(flagged, Rule.GATE, row.verdict() == PerformanceChange.Verdict.REGRESSED);
            count(flagged, Rule.RATIO_5, slowdown > 1.05);
            count(flagged, Rule.RATIO_200, slowdown >= 2);
        }
        return new Pair(baseline, current, flagged, verdicts, ratios);
    }

    private static void count(Map<Rule, Integer> flagged, Rule rule, boolean flags) {
        if (flags) {
            flagged.merge(rule, 1, Integer::sum);
        }
    }

    /** The injected slowdowns, 0 (the A/A pairs) first. */
    public List<Integer> levels() {
        TreeSet<Integer> levels = new TreeSet<>();
        pairs.forEach(p -> levels.add(p.level()));
        return List.copyOf(levels);
    }

    /** Pairs at {@code level} where {@code rule} alarmed, of all pairs at that level. */
    public Proportion alarms(int level, Rule rule) {
        List<Pair> at = at(level);
        return new Proportion((int) at.stream().filter(p -> p.alarm(rule)).count(), at.size());
    }

    /** Benchmarks {@code rule} flagged at {@code level}, of all benchmark comparisons at that level. */
    public Proportion flaggedBenchmarks(int level, Rule rule) {
        List<Pair> at = at(level);
        return new Proportion(at.stream().mapToInt(p -> p.flagged().get(rule)).sum(), at.stream().mapToInt(Pair::benchmarks).sum());
    }

    /** The gate's verdicts at {@code level}, summed over benchmarks and pairs. */
    public Map<PerformanceChange.Verdict, Integer> verdicts(int level) {
        Map<PerformanceChange.Verdict, Integer> sum = new EnumMap<>(PerformanceChange.Verdict.class);
        for (PerformanceChange.Verdict v : PerformanceChange.Verdict.values()) {
            sum.put(v, 0);
        }
        at(level).forEach(p -> p.verdicts().forEach((v, n) -> sum.merge(v, n, Integer::sum)));
        return sum;
    }

    /** Every benchmark's ratio of medians at {@code level}: the slowdown the runs really showed. */
    public double[] ratios(int level) {
        return at(level).stream().flatMapToDouble(p -> Arrays.stream(p.ratios())).toArray();
    }

    /** Runs with {@code slowdownPercent == level}. */
    public long runCount(int level) {
        return runs.stream().filter(r -> r.slowdownPercent() == level).count();
    }

    private List<Pair> at(int level) {
        return pairs.stream().filter(p -> p.level() == level).toList();
    }

    /** The calibration for people: what was run, the three rules side by side, the gate's verdicts, the observed ratios. */
    public String markdown() {
        List<Integer> levels = levels();
        StringBuilder out = new StringBuilder("# PerformanceChange gate calibration\n\n");
        out.append(String.format(Locale.ROOT, "%s of the normal build (a/a: %s) and, per injected slowdown, runs of a build "
                        + "slowed by exactly that share of each load shot (%s). Every pair of normal runs is an A/A comparison, "
                        + "the earlier run the baseline; every normal run against every slowed run is a detection trial. "
                        + "Pairs share runs, so they are not independent: the %d%% Clopper–Pearson intervals below treat them as "
                        + "if they were and are too narrow.%n%n",
                count(runCount(0), "run"), count(at(0).size(), "pair"),
                String.join(", ", levels.stream().filter(l -> l > 0)
                        .map(l -> l + "%: " + count(runCount(l), "run") + ", " + count(at(l).size(), "pair")).toList()),
                Math.round(RATE_CONFIDENCE * 100)));
        List<String> header = new ArrayList<>(List.of("rule", "false alarms (a/a)"));
        levels.stream().filter(l -> l > 0).forEach(l -> header.add("detected, " + l + "% slower"));
        out.append("## Pairs that would fail CI (any benchmark flagged)\n\n")
                .append(TableFormat.MARKDOWN.render(Table.of("", header, 1, rateRows(levels, this::alarms), List.of()))).append('\n');
        out.append("## Benchmarks flagged, of all benchmark comparisons\n\n")
                .append(TableFormat.MARKDOWN.render(Table.of("", header, 1, rateRows(levels, this::flaggedBenchmarks), List.of())))
                .append('\n');
        List<String> verdictHeader = new ArrayList<>(List.of("injected slowdown", "pairs"));
        Arrays.stream(PerformanceChange.Verdict.values()).forEach(v -> verdictHeader.add(v.name()));
        verdictHeader.addAll(List.of("median ratio", "ratio range"));
        List<List<String>> rows = new ArrayList<>();
        for (int l : levels) {
            List<String> row = new ArrayList<>(List.of(l == 0 ? "none (a/a)" : l + "%", String.valueOf(at(l).size())));
            Map<PerformanceChange.Verdict, Integer> v = verdicts(l);
            Arrays.stream(PerformanceChange.Verdict.values()).forEach(verdict -> row.add(String.valueOf(v.get(verdict))));
            double[] r = ratios(l);
            row.add(String.format(Locale.ROOT, "%.3f", Descriptive.median(r)));
            row.add(String.format(Locale.ROOT, "%.3f – %.3f", Arrays.stream(r).min().orElseThrow(), Arrays.stream(r).max().orElseThrow()));
            rows.add(row);
        }
        out.append("## The gate's verdicts and the ratios of medians the runs showed\n\n")
                .append(TableFormat.MARKDOWN.render(Table.of("", verdictHeader, 1, rows, List.of()))).append('\n');
        return out.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** One row per rule, one rate per level. */
    private List<List<String>> rateRows(List<Integer> levels, java.util.function.BiFunction<Integer, Rule, Proportion> rate) {
        List<List<String>> rows = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            List<String> row = new ArrayList<>(List.of(rule.description(settings)));
            levels.forEach(l -> row.add(rate(rate.apply(l, rule))));
            rows.add(row);
        }
        return rows;
    }

    private static String rate(Proportion p) {
        if (p.n() == 0) {
            return Cells.NA;
        }
        ConfidenceInterval ci = p.clopperPearson(RATE_CONFIDENCE);
        return String.format(Locale.ROOT, "%d/%d = %.0f%% [%.0f, %.0f]", p.k(), p.n(), 100 * p.rate(), 100 * ci.lower(), 100 * ci.upper());
    }

    /** The calibration for machines: settings, runs, per level and rule the counts and intervals, and every pair. */
    public String json() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("settings");
        s.put("threshold", settings.threshold());
        s.put("alpha", settings.alpha());
        s.put("correction", settings.correction().key());
        s.put("rateConfidence", RATE_CONFIDENCE);
        ArrayNode runList = root.putArray("runs");
        runs.forEach(r -> runList.addObject().put("label", r.label()).put("slowdownPercent", r.slowdownPercent()));
        ArrayNode levelList = root.putArray("levels");
        for (int l : levels()) {
            ObjectNode level = levelList.addObject();
            level.put("slowdownPercent", l);
            level.put("runs", runCount(l));
            level.put("pairs", at(l).size());
            for (Rule rule : Rule.values()) {
                ObjectNode r = level.putObject(rule.name().toLowerCase(Locale.ROOT));
                put(r.putObject("pairsAlarmed"), alarms(l, rule));
                put(r.putObject("benchmarksFlagged"), flaggedBenchmarks(l, rule));
            }
            ObjectNode verdicts = level.putObject("gateVerdicts");
            verdicts(l).forEach((v, n) -> verdicts.put(v.name(), n));
            double[] r = ratios(l);
            level.put("medianRatio", Descriptive.median(r));
        }
        ArrayNode pairList = root.putArray("pairs");
        for (Pair p : pairs) {
            ObjectNode node = pairList.addObject().put("baseline", p.baseline().label()).put("current", p.current().label());
            p.flagged().forEach((rule, n) -> node.put(rule.name().toLowerCase(Locale.ROOT) + "Flagged", n));
            ArrayNode ratios = node.putArray("ratios");
            Arrays.stream(p.ratios()).forEach(ratios::add);
        }
        return JSON.writeValueAsString(root);
    }

    private static void put(ObjectNode node, Proportion p) {
        node.put("k", p.k()).put("n", p.n());
        if (p.n() > 0) {
            ConfidenceInterval ci = p.clopperPearson(RATE_CONFIDENCE);
            node.put("rate", p.rate()).put("lower", ci.lower()).put("upper", ci.upper());
        }
    }
}
