package dictbench.stats;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Amdahl's law fitted to measured speedups (Amdahl, "Validity of the single processor approach to
 * achieving large scale computing capabilities", AFIPS 1967; the formula as usually written):
 * <pre>  S(p) = 1 / (s + (1 − s)/p)  =  p / (1 + s(p − 1))</pre>
 * with serial fraction {@code s} in [0, 1] (dimensionless), {@code p} threads, {@code S} speedup.
 *
 * <p>Fit: unweighted least squares on the speedup residuals by Levenberg–Marquardt (Commons Math),
 * {@code s} clamped to [0, 1]. <b>Interval of s: from the Jacobian covariance</b>, not a bootstrap:
 * {@code se(s) = sqrt(RSS/(n−1) · (JᵀJ)⁻¹)}, interval {@code s ± t_{(1+c)/2, n−1} · se(s)} intersected
 * with [0, 1] (asymptotic normal theory, Bates &amp; Watts 1988). With noise-free data it has zero width.
 * The fit is unweighted, so with noise proportional to speedup (usual for timings) the large-p points
 * dominate and the interval is somewhat optimistic. A fitted s below 1e-12 is reported as 0.
 *
 * @param serialFraction fitted s, in [0, 1]
 * @param serialFractionCi interval of s, within [0, 1], non-null
 * @param points number of points fitted, at least {@link #MIN_POINTS}
 * @param rmse root-mean-square residual of the speedup, dimensionless, finite and >= 0
 */
public record AmdahlFit(double serialFraction, ConfidenceInterval serialFractionCi, int points, double rmse) {

    /**
     * Minimum points: one parameter plus two residual degrees of freedom, so the residual variance
     * and the t quantile rest on more than one degree of freedom (t at 99% with 1 df is 63.7).
     */
    public static final int MIN_POINTS = 3;

    /** @throws IllegalArgumentException if a value is outside the range documented above */
    public AmdahlFit {
        if (!(serialFraction >= 0 && serialFraction <= 1)) {
            throw new IllegalArgumentException("serialFraction: must be in [0, 1], got " + serialFraction);
        }
        if (serialFractionCi == null || serialFractionCi.lower() < 0 || serialFractionCi.upper() > 1) {
            throw new IllegalArgumentException("serialFractionCi: must be non-null and within [0, 1], got " + serialFractionCi);
        }
        if (points < MIN_POINTS) {
            throw new IllegalArgumentException("points: must be >= " + MIN_POINTS + ", got " + points);
        }
        if (!(rmse >= 0) || !Double.isFinite(rmse)) {
            throw new IllegalArgumentException("rmse: must be finite and >= 0, got " + rmse);
        }
    }

    /** {@link #fit(List, double)} at {@link Bootstrap#DEFAULT_CONFIDENCE}. */
    public static Optional<AmdahlFit> fit(List<ScalingPoint> points) {
        return fit(points, Bootstrap.DEFAULT_CONFIDENCE);
    }

    /**
     * Fits s to (threads, speedup) points.
     *
     * @param points at least {@link #MIN_POINTS}, at least one with threads > 1
     * @param confidence of the interval, in (0, 1)
     * @return empty if there are fewer than {@link #MIN_POINTS} points, no point has more than one
     *     thread (s is then unidentifiable), or the fit fails numerically
     */
    public static Optional<AmdahlFit> fit(List<ScalingPoint> points, double confidence) {
        ConfidenceInterval.checkConfidence(confidence);
        if (points == null) {
            throw new IllegalArgumentException("points: must be non-null");
        }
        if (points.size() < MIN_POINTS || NonlinearLeastSquares.distinctThreadsAbove1(points) < 1) {
            return Optional.empty();
        }
        return NonlinearLeastSquares.fitScaling(points, false).map(f -> new AmdahlFit(
                f.params()[0], f.interval(0, confidence, 0, 1), points.size(), f.rmse()));
    }

    /** Predicted speedup {@code S(p)} for {@code p >= 1} threads (real-valued, for drawing curves). */
    public double predict(double p) {
        if (!(p >= 1) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("p: must be finite and >= 1, got " + p);
        }
        return p / (1 + serialFraction * (p - 1));
    }

    /** Asymptotic speedup limit {@code 1/s} as p → ∞; empty when s = 0 (unbounded). */
    public OptionalDouble maxSpeedup() {
        return serialFraction > 0 ? OptionalDouble.of(1 / serialFraction) : OptionalDouble.empty();
    }
}
