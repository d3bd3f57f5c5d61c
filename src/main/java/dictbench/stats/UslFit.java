package dictbench.stats;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Universal Scalability Law fitted to relative capacity (Gunther, "Guerrilla Capacity Planning",
 * Springer 2007, ch. 4, the USL equation):
 * <pre>  C(N) = N / (1 + σ(N − 1) + κN(N − 1))</pre>
 * with {@code N} threads, {@code C} capacity relative to one thread (here: speedup), σ the contention
 * (serialization) coefficient and κ the coherency (crosstalk) coefficient, both dimensionless and
 * constrained to σ in [0, 1], κ >= 0. The model forces {@code C(1) = 1}; Gunther normalizes by the
 * measured one-thread throughput, so pass speedups relative to the strategy's own one-thread time when
 * that differs materially from the sequential baseline.
 *
 * <p>Fit: unweighted least squares on capacity residuals with Commons Math's
 * {@code LevenbergMarquardtOptimizer}; a parameter validator clamps σ to [0, 1] and κ at 0 after every
 * step. Because a clamped LM run can stall just short of a constrained optimum on a bound, the fit
 * also runs on each face of the box (κ = 0, σ = 0, σ = 1) and keeps the candidate of least RSS. <b>Intervals</b>: asymptotic, from the covariance of the fit at the optimum,
 * {@code Cov = RSS/(n−2) · (JᵀJ)⁻¹} ({@code Evaluation.getCovariances} gives {@code (JᵀJ)⁻¹}), and
 * {@code θ ± t_{(1+c)/2, n−2} · sqrt(Cov_ii)}, intersected with the parameter's domain (Bates &amp;
 * Watts 1988). When a parameter sits on its bound (e.g. κ = 0) the interval is only indicative.
 * Fitted values below 1e-12 are reported as exactly 0. The fit is unweighted, so with noise
 * proportional to capacity (usual for timings) the large-N points dominate and the intervals are
 * somewhat optimistic.
 *
 * <p>Peak: {@code N* = sqrt((1 − σ)/κ)} (Gunther 2007, ch. 4: where dC/dN = 0), the thread count of maximum
 * capacity; empty when κ = 0 (capacity then rises monotonically) or σ = 1.
 *
 * @param sigma contention coefficient σ, in [0, 1]
 * @param kappa coherency coefficient κ, finite and >= 0
 * @param sigmaCi interval of σ, within [0, 1], non-null
 * @param kappaCi interval of κ, lower >= 0, non-null
 * @param points number of points fitted, at least {@link #MIN_POINTS}
 * @param rmse root-mean-square capacity residual, finite and >= 0
 */
public record UslFit(double sigma, double kappa, ConfidenceInterval sigmaCi, ConfidenceInterval kappaCi,
                     int points, double rmse) {

    /**
     * Minimum points: two parameters plus two residual degrees of freedom. With n = 3 the single
     * residual df makes the 99% t quantile 63.7 and the intervals meaningless; n = 4 (e.g. N = 1, 2, 4,
     * 8 on a small machine) is the least that still yields usable intervals.
     */
    public static final int MIN_POINTS = 4;

    /** @throws IllegalArgumentException if a value is outside the range documented above */
    public UslFit {
        if (!(sigma >= 0 && sigma <= 1)) {
            throw new IllegalArgumentException("sigma: must be in [0, 1], got " + sigma);
        }
        if (!(kappa >= 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa: must be finite and >= 0, got " + kappa);
        }
        if (sigmaCi == null || sigmaCi.lower() < 0 || sigmaCi.upper() > 1) {
            throw new IllegalArgumentException("sigmaCi: must be non-null and within [0, 1], got " + sigmaCi);
        }
        if (kappaCi == null || kappaCi.lower() < 0) {
            throw new IllegalArgumentException("kappaCi: must be non-null with lower >= 0, got " + kappaCi);
        }
        if (points < MIN_POINTS) {
            throw new IllegalArgumentException("points: must be >= " + MIN_POINTS + ", got " + points);
        }
        if (!(rmse >= 0) || !Double.isFinite(rmse)) {
            throw new IllegalArgumentException("rmse: must be finite and >= 0, got " + rmse);
        }
    }

    /** {@link #fit(List, double)} at {@link Bootstrap#DEFAULT_CONFIDENCE}. */
    public static Optional<UslFit> fit(List<ScalingPoint> points) {
        return fit(points, Bootstrap.DEFAULT_CONFIDENCE);
    }

    /**
     * Fits σ and κ to (N, capacity) points.
     *
     * @param points at least {@link #MIN_POINTS}, with at least two distinct N > 1 (C(1) = 1 carries no
     *     information about σ or κ)
     * @param confidence of the intervals, in (0, 1)
     * @return empty if there are too few points, fewer than two distinct N > 1, or the fit fails
     *     numerically (no convergence, singular covariance)
     */
    public static Optional<UslFit> fit(List<ScalingPoint> points, double confidence) {
        ConfidenceInterval.checkConfidence(confidence);
        if (points == null) {
            throw new IllegalArgumentException("points: must be non-null");
        }
        if (points.size() < MIN_POINTS || NonlinearLeastSquares.distinctThreadsAbove1(points) < 2) {
            return Optional.empty();
        }
        return NonlinearLeastSquares.fitScaling(points, true).map(f -> new UslFit(
                f.params()[0], f.params()[1],
                f.interval(0, confidence, 0, 1),
                f.interval(1, confidence, 0, Double.MAX_VALUE),
                points.size(), f.rmse()));
    }

    /** Predicted relative capacity {@code C(N)} for real {@code N >= 1} (for drawing the curve). */
    public double predict(double n) {
        if (!(n >= 1) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("n: must be finite and >= 1, got " + n);
        }
        return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Peak concurrency {@code N* = sqrt((1 − σ)/κ)}, threads (real-valued); empty when κ = 0 or σ = 1. */
    public OptionalDouble peakConcurrency() {
        if (kappa == 0 || sigma >= 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.sqrt((1 - sigma) / kappa));
    }

    /** Capacity at the peak, {@code C(N*)}, when N* >= 1; otherwise empty. */
    public OptionalDouble peakCapacity() {
        OptionalDouble peak = peakConcurrency();
        if (peak.isEmpty() || peak.getAsDouble() < 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(predict(peak.getAsDouble()));
    }
}
