package dictbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The verdicts of a performance-regression gate: baseline against current, benchmark by benchmark.
 *
 * <p>For each {@link Case}:
 * <ol>
 *   <li><b>Effect size</b>: the ratio of medians {@code current / baseline} in the score's own unit, with
 *       a two-sample hierarchical percentile bootstrap interval ({@link Bootstrap#twoSample}: forks, then
 *       shots within forks, each side resampled independently) at confidence {@code 1 − α}.</li>
 *   <li><b>Significance</b>: a two-sided Mann–Whitney test on all shots of both sides
 *       ({@link MannWhitney#pValue(Samples, Samples)}), adjusted across every case that has a p-value with
 *       Holm's or Benjamini–Hochberg's method ({@link MultipleComparisons}).</li>
 *   <li><b>Direction</b>: the ratio is turned into a <em>slowdown</em> {@code s}, greater than 1 when
 *       current is worse: {@code s = ratio} when lower is better (time per operation: JMH modes
 *       {@code ss}, {@code avgt}, {@code sample}), {@code s = 1 / ratio} when higher is better
 *       ({@code thrpt}). Its interval is the ratio's, inverted and swapped for throughput.</li>
 * </ol>
 *
 * <p>Verdicts, with threshold {@code t} and level {@code α} ({@link Settings}):
 * <ul>
 *   <li>{@link Verdict#INCONCLUSIVE} first, when the sample cannot decide at all: fewer than
 *       {@link #MIN_FORKS} forks on a side (one JVM shows no JVM-to-JVM variation, so its interval would
 *       be too narrow), or so few shots that even a complete separation could not reach significance
 *       ({@link RegressionSampleSize#minimumPerSide}). The reason says how many more are needed.</li>
 *   <li>{@link Verdict#REGRESSED}: adjusted {@code p < α} and the whole interval of {@code s} lies above
 *       {@code 1 + t}.</li>
 *   <li>{@link Verdict#IMPROVED}, the mirror: adjusted {@code p < α} and the whole interval lies below
 *       {@code 1 / (1 + t)} (the threshold is symmetric on a log scale, so a time regression and a
 *       throughput regression of the same size get the same verdict).</li>
 *   <li>{@link Verdict#UNCHANGED}: the whole interval lies within {@code [1/(1+t), 1+t]}: any change,
 *       significant or not, is smaller than the threshold.</li>
 *   <li>{@link Verdict#INCONCLUSIVE} otherwise: the interval straddles a threshold, or lies beyond it
 *       without significance after correction. The reason estimates how many shots would decide it
 *       ({@link RegressionSampleSize#shotsToDecide}).</li>
 * </ul>
 *
 * <p>Only {@code REGRESSED} fails a gate. Requiring both the test and the interval means a false alarm
 * needs a significant test (held to the family-wise rate α by Holm) <em>and</em> an interval that misses
 * the threshold; the false-alarm rate and power of the defaults are measured on real runs, not assumed.
 */
public final class Regression {

    /** Default practical threshold: a change of less than 5% is not worth failing a build for. */
    public static final double DEFAULT_THRESHOLD = 0.05;

    /** Default significance level of the corrected test; the interval's confidence is {@code 1 − α}. */
    public static final double DEFAULT_ALPHA = 0.01;

    /**
     * Minimum forks per side: the hierarchical bootstrap learns JVM-to-JVM variation only from
     * differences between forks, so with one fork the interval covers within-JVM noise alone and a
     * fork-level shift (code layout, JIT decisions) would pass for a regression.
     */
    public static final int MIN_FORKS = 2;

    /** Which way is better for a score. */
    public enum Direction {
        /** Time per operation (JMH modes {@code ss}, {@code avgt}, {@code sample}). */
        LOWER_IS_BETTER,
        /** Operations per time (JMH mode {@code thrpt}). */
        HIGHER_IS_BETTER;

        /** The slowdown ({@code > 1} is worse) that a ratio {@code current / baseline} means. */
        public double slowdown(double ratio) {
            return this == LOWER_IS_BETTER ? ratio : 1 / ratio;
        }

        /** The interval of the slowdown that an interval of the ratio means. */
        public ConfidenceInterval slowdown(ConfidenceInterval ratio) {
            return this == LOWER_IS_BETTER ? ratio
                    : new ConfidenceInterval(1 / ratio.upper(), 1 / ratio.lower(), ratio.confidence());
        }

        /** The slowdown with its interval that a ratio with its interval means. */
        public Estimate slowdown(Estimate ratio) {
            return new Estimate(slowdown(ratio.value()), slowdown(ratio.ci()));
        }
    }

    /** What the gate concludes about one benchmark. */
    public enum Verdict {
        REGRESSED, IMPROVED, UNCHANGED, INCONCLUSIVE
    }

    /** Multiple-comparison correction across all benchmarks compared at once. */
    public enum Correction {
        /** Holm 1979: controls the family-wise error rate (the default: a gate should rarely cry wolf). */
        HOLM("holm", "Holm"),
        /** Benjamini &amp; Hochberg 1995: controls the false discovery rate; more power on large matrices. */
        BENJAMINI_HOCHBERG("bh", "Benjamini–Hochberg");

        private final String key;
        private final String displayName;

        Correction(String key, String displayName) {
            this.key = key;
            this.displayName = displayName;
        }

        /** The correction as the command line and the JSON outputs spell it: {@code holm} or {@code bh}. */
        public String key() {
            return key;
        }

        /** The correction's name for people: {@code Holm} or {@code Benjamini–Hochberg}. */
        public String displayName() {
            return displayName;
        }

        /**
         * The correction a user named: its {@link #key()} or, for Benjamini–Hochberg, also
         * {@code benjamini-hochberg}; any case, surrounding blanks ignored.
         *
         * @throws IllegalArgumentException if {@code text} names no correction
         */
        public static Correction parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Correction c : values()) {
                if (c.key.equals(t) || c.displayName.replace('–', '-').toLowerCase(Locale.ROOT).equals(t)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a correction; use holm or bh");
        }

        /** Adjusted p-values, in input order. */
        public double[] adjust(double[] p) {
            return this == HOLM ? MultipleComparisons.holm(p) : MultipleComparisons.benjaminiHochberg(p);
        }
    }

    /**
     * Gate settings.
     *
     * @param threshold practical threshold t as a fraction (0.05 = 5%), finite and {@code >= 0}
     * @param alpha significance level of the corrected test, in (0, 0.5]; intervals are at {@code 1 − α}
     * @param correction multiple-comparison correction, non-null
     * @param resamples bootstrap replicates, at least {@link Bootstrap#MIN_RESAMPLES}
     * @param seed bootstrap seed
     */
    public record Settings(double threshold, double alpha, Correction correction, int resamples, long seed) {

        /** @throws IllegalArgumentException if a value is outside the range documented above */
        public Settings {
            if (!Double.isFinite(threshold) || threshold < 0) {
                throw new IllegalArgumentException("threshold: must be finite and >= 0, got " + threshold);
            }
            if (!(alpha > 0 && alpha <= 0.5)) {
                throw new IllegalArgumentException("alpha: must be in (0, 0.5], got " + alpha);
            }
            if (correction == null) {
                throw new IllegalArgumentException("correction: must be non-null");
            }
            if (resamples < Bootstrap.MIN_RESAMPLES) {
                throw new IllegalArgumentException("resamples: must be >= " + Bootstrap.MIN_RESAMPLES + ", got " + resamples);
            }
        }

        /** 5%, α = 0.01, Holm, the bootstrap's default B and seed. */
        public static Settings defaults() {
            return new Settings(DEFAULT_THRESHOLD, DEFAULT_ALPHA, Correction.HOLM, Bootstrap.DEFAULT_RESAMPLES,
                    Bootstrap.DEFAULT_SEED);
        }

        public Settings withThreshold(double newThreshold) {
            return new Settings(newThreshold, alpha, correction, resamples, seed);
        }

        public Settings withAlpha(double newAlpha) {
            return new Settings(threshold, newAlpha, correction, resamples, seed);
        }

        public Settings withCorrection(Correction newCorrection) {
            return new Settings(threshold, alpha, newCorrection, resamples, seed);
        }

        /** Confidence of every interval: {@code 1 − α}. */
        public double confidence() {
            return 1 - alpha;
        }

        /** The slowdown above which a significant change is a regression: {@code 1 + t}. */
        public double worseBound() {
            return 1 + threshold;
        }

        /** The slowdown below which a significant change is an improvement: {@code 1 / (1 + t)}. */
        public double betterBound() {
            return 1 / (1 + threshold);
        }

        /** Bootstrap options of every interval the gate reports: B, seed, confidence {@code 1 − α}. */
        public Bootstrap.Options bootstrap() {
            return new Bootstrap.Options(resamples, seed, confidence());
        }
    }

    /**
     * One benchmark to judge.
     *
     * @param name how reports name it, non-blank
     * @param direction which way is better, non-null
     * @param baseline the baseline's shots, every value {@code > 0}
     * @param current the current run's shots, same unit, every value {@code > 0}
     */
    public record Case(String name, Direction direction, Samples baseline, Samples current) {

        /** @throws IllegalArgumentException if a value is outside the range documented above */
        public Case {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name: must be non-blank");
            }
            if (direction == null) {
                throw new IllegalArgumentException("direction: must be non-null");
            }
            positive(baseline, name + ": baseline");
            positive(current, name + ": current");
        }

        private static void positive(Samples samples, String what) {
            if (samples == null) {
                throw new IllegalArgumentException(what + ": must be non-null");
            }
            double[][] forks = samples.toArrays();
            for (int f = 0; f < forks.length; f++) {
                for (int i = 0; i < forks[f].length; i++) {
                    if (!(forks[f][i] > 0)) {
                        throw new IllegalArgumentException(what + "[" + f + "][" + i + "]: must be > 0 for a ratio, got "
                                + forks[f][i]);
                    }
                }
            }
        }
    }

    /**
     * The gate's finding for one {@link Case}.
     *
     * @param input the case judged
     * @param ratio median of all current shots / median of all baseline shots, with its bootstrap interval at
     *     {@code 1 − α}
     * @param pValue raw two-sided Mann–Whitney p; empty below {@link MannWhitney#MIN_PER_GROUP} shots a side
     * @param adjustedPValue p after the correction; empty with {@code pValue}
     * @param verdict the verdict
     * @param shotsPerSideNeeded for {@code INCONCLUSIVE}: the shots per side that would likely decide it
     *     (exact for the minimum-size rule, an estimate otherwise); empty when unknown or not applicable
     * @param reason one sentence on why, for a report
     */
    public record Result(Case input, Estimate ratio,
                         OptionalDouble pValue, OptionalDouble adjustedPValue, Verdict verdict,
                         OptionalInt shotsPerSideNeeded, String reason) {

        /** The slowdown ({@code > 1} is worse) with its interval; see {@link Direction#slowdown}. */
        public Estimate slowdown() {
            return input.direction().slowdown(ratio);
        }

        /** The change in words: "time +20.0% (worse)", "throughput +8.0% (better)", "time ±0.0%". */
        public String change() {
            return Regression.change(input.direction(), ratio.value());
        }
    }

    private Regression() {
    }

    /**
     * Judges every case; the multiple-comparison correction runs over all cases that have a p-value.
     *
     * @param cases benchmarks to judge, at least one, names unique
     * @param settings threshold, α, correction, bootstrap
     * @return one result per case, in input order
     * @throws IllegalArgumentException if {@code cases} is empty or names repeat
     */
    public static List<Result> evaluate(List<Case> cases, Settings settings) {
        if (cases == null || cases.isEmpty()) {
            throw new IllegalArgumentException("cases: must contain at least 1 case");
        }
        if (cases.stream().map(Case::name).distinct().count() != cases.size()) {
            throw new IllegalArgumentException("cases: names must be unique");
        }
        int m = cases.size();
        Estimate[] ratios = new Estimate[m];
        OptionalDouble[] p = new OptionalDouble[m];
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Case c = cases.get(i);
            ratios[i] = Bootstrap.twoSample(c.baseline(), c.current(),
                    (b, cur) -> Descriptive.medianInPlace(cur) / Descriptive.medianInPlace(b), settings.bootstrap());
            p[i] = MannWhitney.pValue(c.baseline(), c.current());
            if (p[i].isPresent()) {
                tested.add(i);
            }
        }
        double[] raw = tested.stream().mapToDouble(i -> p[i].getAsDouble()).toArray();
        double[] adjusted = settings.correction().adjust(raw);
        OptionalDouble[] adj = new OptionalDouble[m];
        java.util.Arrays.fill(adj, OptionalDouble.empty());
        for (int k = 0; k < tested.size(); k++) {
            adj[tested.get(k)] = OptionalDouble.of(adjusted[k]);
        }
        List<Result> results = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            results.add(judge(cases.get(i), ratios[i], p[i], adj[i], m, settings));
        }
        return results;
    }

    private static Result judge(Case c, Estimate ratio, OptionalDouble p, OptionalDouble adj, int comparisons,
                                Settings s) {
        Estimate slowdown = c.direction().slowdown(ratio);
        List<String> tooSmall = new ArrayList<>();
        OptionalInt needed = OptionalInt.empty();
        int fb = c.baseline().forkCount();
        int fc = c.current().forkCount();
        if (fb < MIN_FORKS || fc < MIN_FORKS) {
            tooSmall.add(String.format(Locale.ROOT,
                    "needs at least %d forks a side to see JVM-to-JVM variation (baseline has %d, current %d)",
                    MIN_FORKS, fb, fc));
        }
        int nb = c.baseline().size();
        int nc = c.current().size();
        if (!RegressionSampleSize.attainable(nb, nc, s.alpha(), comparisons)) {
            int n = RegressionSampleSize.minimumPerSide(s.alpha(), comparisons);
            needed = OptionalInt.of(n);
            List<String> more = new ArrayList<>();
            if (nb < n) {
                more.add((n - nb) + " more baseline");
            }
            if (nc < n) {
                more.add((n - nc) + " more current");
            }
            tooSmall.add(String.format(Locale.ROOT,
                    "needs %s shots: with %d and %d even a complete separation cannot reach p < %s over %d "
                            + "benchmark(s); %d a side can",
                    String.join(" and ", more), nb, nc, number(s.alpha()), comparisons, n));
        }
        Verdict verdict;
        String reason;
        String change = change(c.direction(), ratio.value());
        String ci = interval(slowdown, s);
        boolean significant = adj.isPresent() && adj.getAsDouble() < s.alpha();
        if (!tooSmall.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "too few samples: " + String.join("; ", tooSmall);
        } else if (significant && slowdown.ci().lower() > s.worseBound()) {
            verdict = Verdict.REGRESSED;
            reason = change + ": " + ci + " lies above the " + percent(s.threshold()) + " threshold and adjusted p = "
                    + number(adj.getAsDouble()) + " < " + number(s.alpha());
        } else if (significant && slowdown.ci().upper() < s.betterBound()) {
            verdict = Verdict.IMPROVED;
            reason = change + ": " + ci + " lies below the " + percent(s.threshold()) + " threshold and adjusted p = "
                    + number(adj.getAsDouble()) + " < " + number(s.alpha());
        } else if (slowdown.ci().lower() >= s.betterBound() && slowdown.ci().upper() <= s.worseBound()) {
            verdict = Verdict.UNCHANGED;
            reason = change + ": " + ci + " lies within ±" + percent(s.threshold());
        } else {
            verdict = Verdict.INCONCLUSIVE;
            double shots = (nb + nc) / 2.0;
            needed = RegressionSampleSize.shotsToDecide(slowdown, s.threshold(), adj, s.alpha(), shots);
            String why = slowdown.ci().lower() > s.worseBound() || slowdown.ci().upper() < s.betterBound()
                    ? ci + " clears the " + percent(s.threshold()) + " threshold but adjusted p = "
                            + adj.stream().mapToObj(Regression::number).findFirst().orElse("n/a") + " is not below "
                            + number(s.alpha())
                    : ci + " straddles the ±" + percent(s.threshold()) + " threshold";
            reason = change + ": " + why + "; " + (needed.isPresent()
                    ? String.format(Locale.ROOT, "about %d shots a side (now %d and %d) would likely decide it, "
                            + "if the interval narrows as 1/√n (add forks, not only shots)", needed.getAsInt(), nb, nc)
                    : "the change is too close to the threshold to decide with up to "
                            + RegressionSampleSize.MAX_GROWTH + "× the shots");
        }
        return new Result(c, ratio, p, adj, verdict, needed, reason);
    }

    /** "time +12.3% (worse)", "throughput +4.0% (better)", "time ±0.0%": the ratio's change, in words. */
    static String change(Direction d, double ratio) {
        String what = d == Direction.LOWER_IS_BETTER ? "time" : "throughput";
        if (Math.abs(ratio - 1) < 0.0005) {
            return what + " ±0.0%";
        }
        return String.format(Locale.ROOT, "%s %+.1f%% (%s)", what, (ratio - 1) * 100,
                d.slowdown(ratio) > 1 ? "worse" : "better");
    }

    private static String interval(Estimate slowdown, Settings s) {
        return String.format(Locale.ROOT, "the %s%% CI of the slowdown [%.3f, %.3f]",
                number(100 * s.confidence()), slowdown.ci().lower(), slowdown.ci().upper());
    }

    private static String percent(double fraction) {
        return number(100 * fraction) + "%";
    }

    /**
     * How the gate writes a setting or a p-value: up to four significant digits without trailing zeros
     * ({@code 5}, {@code 0.01}, {@code 99}), scientific below 1e-4 ({@code 2.0e-05}).
     */
    public static String number(double v) {
        if (v != 0 && Math.abs(v) < 1e-4) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
