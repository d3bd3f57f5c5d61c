package dictbench.stats;

/**
 * Descriptive summary of one benchmark's {@link Samples}, pooled over forks, with a hierarchical
 * percentile-bootstrap interval of the median (Efron &amp; Tibshirani 1993; see {@link Bootstrap}).
 * Values are in the unit of the samples (for SingleShotTime: seconds per shot).
 *
 * <p>The median is the location reported everywhere in dictbench because single-shot load times are
 * right-skewed (page-cache misses, GC, JIT); the mean is kept beside it for comparison.
 *
 * @param n number of values, at least 1
 * @param forks number of forks, at least 1 and at most {@code n}
 * @param median median of all values, in [min, max]
 * @param mean mean of all values, in [min, max]
 * @param min smallest value, finite
 * @param max largest value, finite
 * @param medianCi bootstrap interval of the median, non-null
 */
public record Summary(int n, int forks, double median, double mean, double min, double max,
                      ConfidenceInterval medianCi) {

    /** @throws IllegalArgumentException if a count or value is out of the range documented above */
    public Summary {
        if (n < 1) {
            throw new IllegalArgumentException("n: must be >= 1, got " + n);
        }
        if (forks < 1 || forks > n) {
            throw new IllegalArgumentException("forks: must be in [1, n=" + n + "], got " + forks);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("min/max: must be finite with min <= max, got " + min + ", " + max);
        }
        if (!(median >= min && median <= max)) {
            throw new IllegalArgumentException("median: must be in [min=" + min + ", max=" + max + "], got " + median);
        }
        // Summation can round the mean a hair outside [min, max] when all values are equal.
        double slack = 1e-12 * Math.max(Math.abs(min), Math.abs(max));
        if (!(mean >= min - slack && mean <= max + slack)) {
            throw new IllegalArgumentException("mean: must be in [min=" + min + ", max=" + max + "], got " + mean);
        }
        if (medianCi == null) {
            throw new IllegalArgumentException("medianCi: must be non-null");
        }
    }

    /** Summary with the default bootstrap ({@link Bootstrap.Options#defaults()}: B = 10 000, 99%). */
    public static Summary of(Samples samples) {
        return of(samples, Bootstrap.Options.defaults());
    }

    /** Summary with the given bootstrap settings. */
    public static Summary of(Samples samples, Bootstrap.Options options) {
        double[] all = samples.all();
        Estimate median = Bootstrap.oneSample(samples, Descriptive::medianInPlace, options);
        return new Summary(all.length, samples.forkCount(), median.value(), Descriptive.mean(all),
                Descriptive.min(all), Descriptive.max(all), median.ci());
    }
}
