package dictbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Whether a benchmark changed between two runs, and which way: the numbers a performance-regression gate
 * decides on, baseline against current, benchmark by benchmark. It returns verdicts and their reasons as
 * values ({@link Finding}); the gate writes the sentences.
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
 *       {@code ss}, {@code avgt}), {@code s = 1 / ratio} when higher is better
 *       ({@code thrpt}). Its interval is the ratio's, inverted and swapped for throughput.</li>
 * </ol>
 *
 * <p>Verdicts, with threshold {@code t} and level {@code α} ({@link Settings}):
 * <ul>
 *   <li>{@link Verdict#INCONCLUSIVE} first, when the sample cannot decide at all: fewer than
 *       {@link #MIN_FORKS} forks on a side (one JVM shows no JVM-to-JVM variation, so its interval would
 *       be too narrow), or so few shots that even a complete separation could not reach significance
 *       ({@link ChangeSampleSize#minimumPerSide}). The reason says how many more are needed.</li>
 *   <li>{@link Verdict#REGRESSED}: adjusted {@code p < α} and the whole interval of {@code s} lies above
 *       {@code 1 + t}.</li>
 *   <li>{@link Verdict#IMPROVED}, the mirror: adjusted {@code p < α} and the whole interval lies below
 *       {@code 1 / (1 + t)} (the threshold is symmetric on a log scale, so a time regression and a
 *       throughput regression of the same size get the same verdict).</li>
 *   <li>{@link Verdict#UNCHANGED}: the whole interval lies within {@code [1/(1+t), 1+t]}: any change,
 *       significant or not, is smaller than the threshold.</li>
 *   <li>{@link Verdict#INCONCLUSIVE} otherwise: the interval straddles a threshold, or lies beyond it
 *       without significance after correction. The reason estimates how many shots would decide it
 *       ({@link ChangeSampleSize#shotsToDecide}).</li>
 * </ul>
 *
 * <p>Only {@code REGRESSED} fails a gate. Requiring both the test and the interval means a false alarm
 * needs a significant test (held to the family-wise rate α by Holm) <em>and</em> an interval that misses
 * the threshold; the false-alarm rate and power of the defaults are measured on real runs, not assumed.
 */
public final class PerformanceChange {

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
        /** Time per operation (JMH modes {@code ss}, {@code avgt}). */
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

    /** Why a {@link Result} has its verdict. */
    public enum Finding {
        /** {@code INCONCLUSIVE}: too few forks ({@link Result#tooFewForks}) or shots ({@link Result#tooFewShots}) to decide at all. */
        TOO_FEW_SAMPLES,
        /** {@code REGRESSED}: significant, and the whole interval of the slowdown lies above {@code 1 + t}. */
        ABOVE_THRESHOLD,
        /** {@code IMPROVED}: significant, and the whole interval lies below {@code 1 / (1 + t)}. */
        BELOW_THRESHOLD,
        /** {@code UNCHANGED}: the whole interval lies within {@code [1/(1+t), 1+t]}. */
        WITHIN_THRESHOLD,
        /** {@code INCONCLUSIVE}: the interval clears the threshold but the adjusted p is not below α. */
        NOT_SIGNIFICANT,
        /** {@code INCONCLUSIVE}: the interval straddles a threshold. */
        STRADDLES_THRESHOLD
    }

    /**
     * The finding for one {@link Case}.
     *
     * @param input the case judged
     * @param ratio median of all current shots / median of all baseline shots, with its bootstrap interval at
     *     {@code 1 − α}
     * @param pValue raw two-sided Mann–Whitney p; empty below {@link MannWhitney#MIN_PER_GROUP} shots a side
     * @param adjustedPValue p after the correction; empty with {@code pValue}
     * @param verdict the verdict
     * @param finding why: which rule gave the verdict
     * @param comparisons how many cases were judged together (the family the correction ran over)
     * @param tooFewForks for {@code TOO_FEW_SAMPLES}: a side has fewer than {@link #MIN_FORKS} forks
     * @param tooFewShots for {@code TOO_FEW_SAMPLES}: even a complete separation of these shots could not reach
     *     significance; {@code shotsPerSideNeeded} is then the minimum that can
     * @param shotsPerSideNeeded for {@code INCONCLUSIVE}: the shots per side that would likely decide it
     *     (exact for the minimum-size rule, an estimate otherwise); empty when unknown or not applicable
     */
    public record Result(Case input, Estimate ratio,
                         OptionalDouble pValue, OptionalDouble adjustedPValue, Verdict verdict, Finding finding,
                         int comparisons, boolean tooFewForks, boolean tooFewShots, OptionalInt shotsPerSideNeeded) {

        /** The slowdown ({@code > 1} is worse) with its interval; see {@link Direction#slowdown}. */
        public Estimate slowdown() {
            return input.direction().slowdown(ratio);
        }
    }

    private PerformanceChange() {
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
        boolean tooFewForks = c.baseline().forkCount() < MIN_FORKS || c.current().forkCount() < MIN_FORKS;
        int nb = c.baseline().size();
        int nc = c.current().size();
        boolean tooFewShots = !ChangeSampleSize.attainable(nb, nc, s.alpha(), comparisons);
        OptionalInt needed = tooFewShots ? OptionalInt.of(ChangeSampleSize.minimumPerSide(s.alpha(), comparisons))
                : OptionalInt.empty();
        boolean significant = adj.isPresent() && adj.getAsDouble() < s.alpha();
        Verdict verdict;
        Finding finding;
        if (tooFewForks || tooFewShots) {
            verdict = Verdict.INCONCLUSIVE;
            finding = Finding.TOO_FEW_SAMPLES;
        } else if (significant && slowdown.ci().lower() > s.worseBound()) {
            verdict = Verdict.REGRESSED;
            finding = Finding.ABOVE_THRESHOLD;
        } else if (significant && slowdown.ci().upper() < s.betterBound()) {
            verdict = Verdict.IMPROVED;
            finding = Finding.BELOW_THRESHOLD;
        } else if (slowdown.ci().lower() >= s.betterBound() && slowdown.ci().upper() <= s.worseBound()) {
            verdict = Verdict.UNCHANGED;
            finding = Finding.WITHIN_THRESHOLD;
        } else {
            verdict = Verdict.INCONCLUSIVE;
            finding = slowdown.ci().lower() > s.worseBound() || slowdown.ci().upper() < s.betterBound()
                    ? Finding.NOT_SIGNIFICANT : Finding.STRADDLES_THRESHOLD;
            needed = ChangeSampleSize.shotsToDecide(slowdown, s.threshold(), adj, s.alpha(), (nb + nc) / 2.0);
        }
        return new Result(c, ratio, p, adj, verdict, finding, comparisons, tooFewForks, tooFewShots, needed);
    }
}
