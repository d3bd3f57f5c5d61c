package dictbench.stats;

/**
 * A point estimate with its confidence interval. The point estimate is the statistic of the observed
 * data; with a percentile bootstrap it need not lie inside the interval, though it almost always does.
 *
 * @param value finite point estimate
 * @param ci confidence interval of the same statistic, non-null
 */
public record Estimate(double value, ConfidenceInterval ci) {

    /** @throws IllegalArgumentException if {@code value} is not finite or {@code ci} is null */
    public Estimate {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value: must be finite, got " + value);
        }
        if (ci == null) {
            throw new IllegalArgumentException("ci: must be non-null");
        }
    }
}
