package dictbench.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Hierarchical (two-stage) nonparametric bootstrap with percentile intervals
 * (Efron &amp; Tibshirani, "An Introduction to the Bootstrap", 1993: the bootstrap in ch. 6,
 * the percentile interval in ch. 13; the two-stage resampling of clustered data follows Davison &amp;
 * Hinkley, "Bootstrap Methods and their Application", 1997, on hierarchical data).
 *
 * <p><b>One resample</b> of a {@link Samples} with {@code k} forks: draw {@code k} forks uniformly
 * with replacement; for each drawn fork with {@code n_f} iterations, draw {@code n_f} of its iterations
 * uniformly with replacement; concatenate. Resampling forks captures fork-to-fork (JVM-to-JVM)
 * variation that resampling pooled iterations would ignore; resampling within forks as well makes the
 * interval somewhat conservative when within-fork noise dominates, which suits a benchmark report.
 *
 * <p><b>Percentile interval</b> at confidence {@code c}: the {@code (1-c)/2} and {@code (1+c)/2}
 * quantiles of the {@code B} replicates ({@link Descriptive#quantileOfSorted}, interpolated). It is
 * transformation-respecting: for a monotone {@code g}, the interval of {@code g(θ)} is {@code g}
 * applied to the interval of {@code θ}, which {@link Speedup} and {@link KarpFlatt} rely on.
 *
 * <p>Deterministic: all randomness comes from one {@link SplittableRandom} built from
 * {@link Options#seed()}. Statistic functions receive a fresh array per call and may reorder it; they
 * must return a finite value.
 */
public final class Bootstrap {

    /** Default number of bootstrap replicates B. */
    public static final int DEFAULT_RESAMPLES = 10_000;

    /**
     * Minimum B: Efron &amp; Tibshirani (1993) recommend B of about 1000 or more for
     * percentile intervals, since the interval's ends are tail quantiles of the replicates (for a 99%
     * interval, the outer 0.5% on each side: 5 replicates at B = 1000).
     */
    public static final int MIN_RESAMPLES = 1_000;

    /** Default seed, so that reports built from the same data are identical. */
    public static final long DEFAULT_SEED = 0x0D1C7BE4C4L;

    /** Default confidence of intervals. */
    public static final double DEFAULT_CONFIDENCE = 0.99;

    /**
     * Bootstrap settings.
     *
     * @param resamples number of replicates B, at least {@link #MIN_RESAMPLES}
     * @param seed seed of the {@link SplittableRandom}
     * @param confidence interval confidence, in (0, 1)
     */
    public record Options(int resamples, long seed, double confidence) {

        /** @throws IllegalArgumentException if {@code resamples < MIN_RESAMPLES} or confidence outside (0, 1) */
        public Options {
            if (resamples < MIN_RESAMPLES) {
                throw new IllegalArgumentException("resamples: must be >= " + MIN_RESAMPLES + ", got " + resamples);
            }
            ConfidenceInterval.checkConfidence(confidence);
        }

        /** {@link #DEFAULT_RESAMPLES}, {@link #DEFAULT_SEED}, {@link #DEFAULT_CONFIDENCE}. */
        public static Options defaults() {
            return new Options(DEFAULT_RESAMPLES, DEFAULT_SEED, DEFAULT_CONFIDENCE);
        }

        public Options withResamples(int newResamples) {
            return new Options(newResamples, seed, confidence);
        }

        public Options withSeed(long newSeed) {
            return new Options(resamples, newSeed, confidence);
        }

        public Options withConfidence(double newConfidence) {
            return new Options(resamples, seed, newConfidence);
        }
    }

    private Bootstrap() {
    }

    /**
     * Statistic of one sample with its hierarchical-bootstrap percentile interval.
     *
     * @param samples the data
     * @param statistic function of the pooled values (all forks concatenated)
     * @param options B, seed, confidence
     * @return the statistic of the observed data and its interval
     * @throws IllegalArgumentException if the statistic returns a non-finite value
     */
    public static Estimate oneSample(Samples samples, ToDoubleFunction<double[]> statistic, Options options) {
        double value = finite(statistic.applyAsDouble(samples.all()), "observed data");
        double[] reps = replicates(samples, statistic, options.resamples(), options.seed());
        return new Estimate(value, percentileInterval(reps, options.confidence()));
    }

    /**
     * Statistic of two independent samples (e.g. a ratio of medians) with its percentile interval;
     * in every replicate each sample is resampled hierarchically and independently of the other.
     *
     * @param a first sample, passed first to {@code statistic}
     * @param b second sample
     * @param statistic function of the pooled values of {@code a} and of {@code b}
     * @param options B, seed, confidence
     * @throws IllegalArgumentException if the statistic returns a non-finite value
     */
    public static Estimate twoSample(Samples a, Samples b, ToDoubleBiFunction<double[], double[]> statistic,
                                     Options options) {
        double value = finite(statistic.applyAsDouble(a.all(), b.all()), "observed data");
        double[] reps = replicates(a, b, statistic, options.resamples(), options.seed());
        return new Estimate(value, percentileInterval(reps, options.confidence()));
    }

    /**
     * {@code resamples} bootstrap replicates of a one-sample statistic, in draw order.
     *
     * @throws IllegalArgumentException if {@code resamples < 1} or the statistic returns a non-finite value
     */
    public static double[] replicates(Samples samples, ToDoubleFunction<double[]> statistic, int resamples, long seed) {
        checkResamples(resamples);
        Layout layout = new Layout(samples);
        double[] flat = samples.all();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] reps = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            reps[r] = finite(statistic.applyAsDouble(gather(flat, layout.draw(rng))), "a resample");
        }
        return reps;
    }

    /**
     * {@code resamples} bootstrap replicates of a two-sample statistic, each sample resampled
     * independently per replicate.
     *
     * @throws IllegalArgumentException if {@code resamples < 1} or the statistic returns a non-finite value
     */
    public static double[] replicates(Samples a, Samples b, ToDoubleBiFunction<double[], double[]> statistic,
                                      int resamples, long seed) {
        checkResamples(resamples);
        Layout la = new Layout(a);
        Layout lb = new Layout(b);
        double[] fa = a.all();
        double[] fb = b.all();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] reps = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double[] ra = gather(fa, la.draw(rng));
            double[] rb = gather(fb, lb.draw(rng));
            reps[r] = finite(statistic.applyAsDouble(ra, rb), "a resample");
        }
        return reps;
    }

    /**
     * Replicates of a vector statistic of several <em>index-aligned</em> samples: all samples must have
     * the same shape ({@link Samples#sameShapeAs}), and value {@code [f][i]} of each is taken to belong
     * to the same shot. Each replicate draws one set of (fork, iteration) indices hierarchically and
     * applies it to every sample, so correlations between the samples are kept.
     *
     * @param aligned at least one sample, all of the same shape
     * @param statistic maps the resampled pooled arrays (one per sample, in order) to a vector whose
     *     length must be the same on every call
     * @return {@code [replicate][component]}
     * @throws IllegalArgumentException if the list is empty, shapes differ, {@code resamples < 1}, or
     *     the statistic returns non-finite values or vectors of varying length
     */
    public static double[][] alignedReplicates(List<Samples> aligned, Function<double[][], double[]> statistic,
                                               int resamples, long seed) {
        checkResamples(resamples);
        checkAligned(aligned);
        Layout layout = new Layout(aligned.getFirst());
        double[][] flats = new double[aligned.size()][];
        for (int s = 0; s < flats.length; s++) {
            flats[s] = aligned.get(s).all();
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] reps = new double[resamples][];
        for (int r = 0; r < resamples; r++) {
            int[] idx = layout.draw(rng);
            double[][] resampled = new double[flats.length][];
            for (int s = 0; s < flats.length; s++) {
                resampled[s] = gather(flats[s], idx);
            }
            double[] v = statistic.apply(resampled);
            if (r > 0 && v.length != reps[0].length) {
                throw new IllegalArgumentException("statistic: must return vectors of one length, got "
                        + reps[0].length + " then " + v.length);
            }
            for (double x : v) {
                finite(x, "a resample");
            }
            reps[r] = v;
        }
        return reps;
    }

    /**
     * Percentile interval: the {@code (1-c)/2} and {@code (1+c)/2} interpolated quantiles of the
     * replicates (Efron &amp; Tibshirani 1993, ch. 13).
     *
     * @param replicates finite bootstrap replicates, at least 1 (not modified)
     * @param confidence in (0, 1)
     * @throws IllegalArgumentException if {@code replicates} is empty or holds a non-finite value, or
     *     confidence is outside (0, 1)
     */
    public static ConfidenceInterval percentileInterval(double[] replicates, double confidence) {
        ConfidenceInterval.checkConfidence(confidence);
        if (replicates == null || replicates.length == 0) {
            throw new IllegalArgumentException("replicates: must contain at least 1 value");
        }
        double[] sorted = replicates.clone();
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("replicates: must be finite, got " + v);
            }
        }
        Arrays.sort(sorted);
        double alpha = 1 - confidence;
        return new ConfidenceInterval(
                Descriptive.quantileOfSorted(sorted, alpha / 2),
                Descriptive.quantileOfSorted(sorted, 1 - alpha / 2),
                confidence);
    }

    /**
     * One hierarchical resample of {@code samples}, pooled (mainly for tests and custom schemes).
     */
    public static double[] resample(Samples samples, SplittableRandom rng) {
        return gather(samples.all(), new Layout(samples).draw(rng));
    }

    static void checkAligned(List<Samples> aligned) {
        if (aligned == null || aligned.isEmpty()) {
            throw new IllegalArgumentException("aligned: must contain at least 1 sample");
        }
        Samples first = aligned.getFirst();
        for (int s = 1; s < aligned.size(); s++) {
            if (!aligned.get(s).sameShapeAs(first)) {
                throw new IllegalArgumentException("aligned[" + s + "]: must have the same fork sizes as aligned[0] "
                        + Arrays.toString(first.forkSizes()) + ", got " + Arrays.toString(aligned.get(s).forkSizes()));
            }
        }
    }

    private static void checkResamples(int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples: must be >= 1, got " + resamples);
        }
    }

    private static double finite(double v, String where) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("statistic: must return a finite value, got " + v + " on " + where);
        }
        return v;
    }

    private static double[] gather(double[] flat, int[] idx) {
        double[] out = new double[idx.length];
        for (int m = 0; m < idx.length; m++) {
            out[m] = flat[idx[m]];
        }
        return out;
    }

    /** Fork offsets into the pooled array, and the two-stage index draw. */
    private static final class Layout {
        private final int[] sizes;
        private final int[] offsets;

        Layout(Samples samples) {
            sizes = samples.forkSizes();
            offsets = new int[sizes.length];
            for (int f = 1; f < sizes.length; f++) {
                offsets[f] = offsets[f - 1] + sizes[f - 1];
            }
        }

        /** Indices into the pooled array: k forks with replacement, then n_f iterations within each. */
        int[] draw(SplittableRandom rng) {
            int k = sizes.length;
            int[] chosen = new int[k];
            int total = 0;
            for (int j = 0; j < k; j++) {
                chosen[j] = rng.nextInt(k);
                total += sizes[chosen[j]];
            }
            int[] idx = new int[total];
            int pos = 0;
            for (int f : chosen) {
                int n = sizes[f];
                int base = offsets[f];
                for (int t = 0; t < n; t++) {
                    idx[pos++] = base + rng.nextInt(n);
                }
            }
            return idx;
        }
    }
}
