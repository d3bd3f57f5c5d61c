package dictbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Unweighted Levenberg–Marquardt fit of the scaling-model family
 * {@code S(N) = N / (1 + σ(N−1) + κN(N−1))} (Amdahl is κ = 0), with asymptotic standard errors from
 * the Jacobian at the optimum: {@code Cov = s² (JᵀJ)⁻¹}, {@code s² = RSS / (n − k)} (Bates &amp; Watts,
 * "Nonlinear Regression Analysis and Its Applications", 1988). Commons Math's
 * {@code Evaluation.getCovariances} returns the unscaled {@code (JᵀJ)⁻¹}; the scaling by {@code s²} is
 * done here.
 */
final class NonlinearLeastSquares {

    static final int MAX_EVALUATIONS = 10_000;
    static final int MAX_ITERATIONS = 10_000;
    /** Relative singularity threshold for the QR inversion of JᵀJ. */
    static final double SINGULARITY_THRESHOLD = 1e-14;
    /**
     * Fitted σ or κ below this are reported as exactly 0: the optimizer stops a rounding error away
     * from the bound, and κ = 1e-19 would otherwise give a meaningless peak N* of 10⁹ threads.
     */
    static final double ZERO_SNAP = 1e-12;

    /** Fitted parameters, their standard errors, the residual RMS, and the residual degrees of freedom. */
    record Fit(double[] params, double[] standardErrors, double rmse, int dof) {

        /** {@code params[i] ± t_{(1+c)/2, dof} · se[i]}, intersected with [lo, hi]. */
        ConfidenceInterval interval(int i, double confidence, double lo, double hi) {
            double t = new TDistribution(null, dof).inverseCumulativeProbability(0.5 + confidence / 2);
            double half = t * standardErrors[i];
            double lower = Math.max(lo, params[i] - half);
            double upper = Math.min(hi, params[i] + half);
            return new ConfidenceInterval(Math.min(lower, params[i]), Math.max(upper, params[i]), confidence);
        }
    }

    private NonlinearLeastSquares() {
    }

    /**
     * Fits σ (and κ when {@code withKappa}) to the points, σ in [0, 1] and κ >= 0.
     *
     * <p>Box constraints with Levenberg–Marquardt: a clamping {@link ParameterValidator} keeps every
     * iterate feasible, but a clamped LM run can stall a little short of the constrained optimum when a
     * bound is active. So the optimum is taken as the lowest-RSS candidate among the clamped fit of all
     * parameters and clamped fits on each face of the box (κ = 0, i.e. Amdahl; σ = 0; σ = 1) and the
     * corners: the constrained minimum lies either inside the box, where the full fit finds it, or on
     * a face.
     *
     * @return empty if no candidate converges, or JᵀJ at the optimum is singular
     */
    static Optional<Fit> fitScaling(List<ScalingPoint> points, boolean withKappa) {
        int n = points.size();
        int k = withKappa ? 2 : 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = points.get(i).threads();
            y[i] = points.get(i).speedup();
        }
        List<double[]> candidates = new ArrayList<>();
        optimize(x, y, true, withKappa, 0).ifPresent(candidates::add);
        if (withKappa) {
            optimize(x, y, true, false, 0).ifPresent(candidates::add);
            optimize(x, y, false, true, 0).ifPresent(candidates::add);
            optimize(x, y, false, true, 1).ifPresent(candidates::add);
        }
        candidates.add(new double[] {0, 0});
        candidates.add(new double[] {1, 0});
        double[] best = null;
        double bestRss = Double.POSITIVE_INFINITY;
        for (double[] c : candidates) {
            double rss = rss(x, y, c[0], c[1]);
            if (rss < bestRss) {
                bestRss = rss;
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double[] full = {snap(best[0]), snap(best[1])};
        double[] params = withKappa ? full : new double[] {full[0]};
        double rss = rss(x, y, full[0], full[1]);
        int dof = n - k;
        double s2 = rss / dof;
        RealMatrix cov;
        try {
            cov = problem(x, y, true, withKappa, 0, params).evaluate(new ArrayRealVector(params))
                    .getCovariances(SINGULARITY_THRESHOLD);
        } catch (SingularMatrixException e) {
            return Optional.empty();
        }
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            double v = cov.getEntry(i, i) * s2;
            if (!(v >= 0) || !Double.isFinite(v)) {
                return Optional.empty();
            }
            se[i] = Math.sqrt(v);
        }
        return Optional.of(new Fit(params, se, Math.sqrt(rss / n), dof));
    }

    /**
     * Clamped LM fit with σ and/or κ free; a fixed σ takes {@code fixedSigma}, a fixed κ is 0.
     *
     * @return {σ, κ}, or empty if the optimizer fails or returns a non-finite point
     */
    private static Optional<double[]> optimize(double[] x, double[] y, boolean freeSigma, boolean freeKappa,
                                               double fixedSigma) {
        double[] start = freeSigma && freeKappa ? new double[] {0.05, 0.001}
                : freeSigma ? new double[] {0.05} : new double[] {0.001};
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                    .optimize(problem(x, y, freeSigma, freeKappa, fixedSigma, start));
            double[] p = optimum.getPoint().toArray();
            double sigma = freeSigma ? p[0] : fixedSigma;
            double kappa = freeKappa ? p[freeSigma ? 1 : 0] : 0.0;
            if (!Double.isFinite(sigma) || !Double.isFinite(kappa)) {
                return Optional.empty();
            }
            return Optional.of(new double[] {sigma, kappa});
        } catch (MathIllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The least-squares problem over the free parameters (σ first, then κ), clamped to the box. */
    private static LeastSquaresProblem problem(double[] x, double[] y, boolean freeSigma, boolean freeKappa,
                                               double fixedSigma, double[] start) {
        int n = x.length;
        int k = (freeSigma ? 1 : 0) + (freeKappa ? 1 : 0);
        MultivariateJacobianFunction model = params -> {
            double sigma = freeSigma ? params.getEntry(0) : fixedSigma;
            double kappa = freeKappa ? params.getEntry(freeSigma ? 1 : 0) : 0.0;
            RealVector value = new ArrayRealVector(n);
            RealMatrix jac = new Array2DRowRealMatrix(n, k);
            for (int i = 0; i < n; i++) {
                double nn = x[i];
                double d = 1 + sigma * (nn - 1) + kappa * nn * (nn - 1);
                value.setEntry(i, nn / d);
                double common = -nn / (d * d);
                int col = 0;
                if (freeSigma) {
                    jac.setEntry(i, col++, common * (nn - 1));
                }
                if (freeKappa) {
                    jac.setEntry(i, col, common * nn * (nn - 1));
                }
            }
            return new Pair<>(value, jac);
        };
        ParameterValidator clamp = params -> {
            RealVector p = params.copy();
            int col = 0;
            if (freeSigma) {
                p.setEntry(col, Math.min(1.0, Math.max(0.0, p.getEntry(col))));
                col++;
            }
            if (freeKappa) {
                p.setEntry(col, Math.max(0.0, p.getEntry(col)));
            }
            return p;
        };
        return new LeastSquaresBuilder()
                .model(model)
                .target(y)
                .start(start)
                .parameterValidator(clamp)
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_ITERATIONS)
                .build();
    }

    private static double rss(double[] x, double[] y, double sigma, double kappa) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - x[i] / (1 + sigma * (x[i] - 1) + kappa * x[i] * (x[i] - 1));
            sum += r * r;
        }
        return sum;
    }

    private static double snap(double v) {
        return v < ZERO_SNAP ? 0.0 : v;
    }

    static long distinctThreadsAbove1(List<ScalingPoint> points) {
        return points.stream().mapToInt(ScalingPoint::threads).filter(t -> t > 1).distinct().count();
    }
}
