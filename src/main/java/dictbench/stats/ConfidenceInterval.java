package dictbench.stats;

/**
 * A two-sided confidence interval, in the unit of the statistic it bounds.
 *
 * @param lower finite, at most {@code upper}
 * @param upper finite, at least {@code lower}
 * @param confidence nominal coverage, in (0, 1), e.g. 0.99
 */
public record ConfidenceInterval(double lower, double upper, double confidence) {

    /** @throws IllegalArgumentException if a bound is not finite, the bounds are reversed, or confidence is outside (0, 1) */
    public ConfidenceInterval {
        if (!Double.isFinite(lower)) {
            throw new IllegalArgumentException("lower: must be finite, got " + lower);
        }
        if (!Double.isFinite(upper)) {
            throw new IllegalArgumentException("upper: must be finite, got " + upper);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower: must be <= upper (" + upper + "), got " + lower);
        }
        checkConfidence(confidence);
    }

    /** True when {@code lower <= value <= upper}. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** This interval with both bounds multiplied by {@code factor > 0} (order preserved). */
    public ConfidenceInterval scale(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor: must be finite and > 0, got " + factor);
        }
        return new ConfidenceInterval(lower * factor, upper * factor, confidence);
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be in (0, 1), got " + confidence);
        }
    }
}
