package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UslFitTest {

    static final int[] THREADS = {1, 2, 3, 4, 6, 8, 12, 16};
    static final double SIGMA = 0.05;
    static final double KAPPA = 0.002;
    static final double EXACT_TOLERANCE_SIGMA = 1e-6;
    static final double EXACT_TOLERANCE_KAPPA = 1e-7;
    /** Relative noise on each capacity in the noisy test, and the tolerances it must meet. */
    static final double NOISE = 0.005;
    static final double NOISY_TOLERANCE_SIGMA = 0.01;
    static final double NOISY_TOLERANCE_KAPPA = 0.0005;

    static double usl(double sigma, double kappa, double n) {
        return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    static List<ScalingPoint> points(double sigma, double kappa, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ScalingPoint> pts = new ArrayList<>();
        for (int n : THREADS) {
            pts.add(new ScalingPoint(n, usl(sigma, kappa, n) * (1 + noise * BootstrapTest.gaussian(rng))));
        }
        return pts;
    }

    @Test
    void recoversParametersFromExactData() {
        UslFit fit = UslFit.fit(points(SIGMA, KAPPA, 0, 0)).orElseThrow();
        assertEquals(SIGMA, fit.sigma(), EXACT_TOLERANCE_SIGMA);
        assertEquals(KAPPA, fit.kappa(), EXACT_TOLERANCE_KAPPA);
        assertEquals(0.0, fit.rmse(), 1e-9);
        assertEquals(Math.sqrt((1 - SIGMA) / KAPPA), fit.peakConcurrency().getAsDouble(), 1e-3);
        assertEquals(Math.sqrt((1 - fit.sigma()) / fit.kappa()), fit.peakConcurrency().getAsDouble(), 1e-12);
        for (double n = 1; n <= 64; n += 0.5) {
            assertEquals(usl(SIGMA, KAPPA, n), fit.predict(n), 1e-5);
        }
    }

    @Test
    void recoversParametersFromLightlyNoisyData() {
        for (long seed = 1; seed <= 5; seed++) {
            UslFit fit = UslFit.fit(points(SIGMA, KAPPA, NOISE, seed)).orElseThrow();
            assertEquals(SIGMA, fit.sigma(), NOISY_TOLERANCE_SIGMA, "sigma, seed " + seed);
            assertEquals(KAPPA, fit.kappa(), NOISY_TOLERANCE_KAPPA, "kappa, seed " + seed);
            assertTrue(fit.sigmaCi().width() > 0 && fit.sigmaCi().contains(fit.sigma()));
            assertTrue(fit.kappaCi().width() > 0 && fit.kappaCi().contains(fit.kappa()));
            assertEquals(Math.sqrt((1 - fit.sigma()) / fit.kappa()), fit.peakConcurrency().getAsDouble(), 1e-9);
        }
    }

    @Test
    void intervalsCoverTrueParametersUnderAdditiveNoise() {
        // The covariance intervals assume homoscedastic errors; with such noise the 99% intervals must
        // cover the true σ and κ in (nearly) 99% of datasets. Unscaled or z-based intervals would not.
        int datasets = 200;
        int coveredSigma = 0;
        int coveredKappa = 0;
        for (int d = 0; d < datasets; d++) {
            SplittableRandom rng = new SplittableRandom(500 + d);
            List<ScalingPoint> pts = new ArrayList<>();
            for (int n : THREADS) {
                pts.add(new ScalingPoint(n, usl(SIGMA, KAPPA, n) + 0.05 * BootstrapTest.gaussian(rng)));
            }
            UslFit fit = UslFit.fit(pts, 0.99).orElseThrow();
            coveredSigma += fit.sigmaCi().contains(SIGMA) ? 1 : 0;
            coveredKappa += fit.kappaCi().contains(KAPPA) ? 1 : 0;
        }
        assertTrue(coveredSigma >= 190, "sigma covered " + coveredSigma + "/" + datasets);
        assertTrue(coveredKappa >= 190, "kappa covered " + coveredKappa + "/" + datasets);
    }

    @Test
    void intervalsAreTQuantileTimesCovarianceStandardErrors() {
        // Independent computation of the documented intervals: Cov = RSS/(n−2) · (JᵀJ)⁻¹ with
        // J_i = (−N(N−1), −N²(N−1)) / D², half-width = t_{0.995, n−2} · sqrt(Cov_ii).
        List<ScalingPoint> pts = points(SIGMA, KAPPA, NOISE, 2);
        UslFit fit = UslFit.fit(pts, 0.99).orElseThrow();
        double s = fit.sigma();
        double k = fit.kappa();
        double rss = 0;
        double a = 0;
        double b = 0;
        double c = 0;
        for (ScalingPoint pt : pts) {
            double n = pt.threads();
            double d = 1 + s * (n - 1) + k * n * (n - 1);
            rss += Math.pow(pt.speedup() - n / d, 2);
            double js = -n * (n - 1) / (d * d);
            double jk = -n * n * (n - 1) / (d * d);
            a += js * js;
            b += js * jk;
            c += jk * jk;
        }
        int m = pts.size();
        double det = a * c - b * b;
        double s2 = rss / (m - 2);
        double seSigma = Math.sqrt(s2 * c / det);
        double seKappa = Math.sqrt(s2 * a / det);
        double t = new org.apache.commons.math3.distribution.TDistribution(m - 2).inverseCumulativeProbability(0.995);
        assertEquals(s - t * seSigma, fit.sigmaCi().lower(), 1e-8);
        assertEquals(s + t * seSigma, fit.sigmaCi().upper(), 1e-8);
        assertEquals(k - t * seKappa, fit.kappaCi().lower(), 1e-9);
        assertEquals(k + t * seKappa, fit.kappaCi().upper(), 1e-9);
        assertEquals(Math.sqrt(rss / m), fit.rmse(), 1e-12);
    }

    @Test
    void peakConcurrencyMaximisesPredictedCapacity() {
        UslFit fit = UslFit.fit(points(SIGMA, KAPPA, 0, 0)).orElseThrow();
        double peak = fit.peakConcurrency().getAsDouble();
        double top = fit.predict(peak);
        assertEquals(top, fit.peakCapacity().getAsDouble());
        assertTrue(top > fit.predict(peak - 1) && top > fit.predict(peak + 1));
    }

    @Test
    void noCoherencyMeansNoPeak() {
        List<ScalingPoint> amdahl = points(0.1, 0, 0, 0);
        UslFit fit = UslFit.fit(amdahl).orElseThrow();
        assertEquals(0.1, fit.sigma(), EXACT_TOLERANCE_SIGMA);
        assertEquals(0.0, fit.kappa());
        assertTrue(fit.peakConcurrency().isEmpty());
        assertTrue(fit.peakCapacity().isEmpty());
    }

    @Test
    void parametersStayNonNegativeForSuperlinearData() {
        List<ScalingPoint> superlinear = new ArrayList<>();
        for (int n : THREADS) {
            superlinear.add(new ScalingPoint(n, 1.1 * n));
        }
        UslFit fit = UslFit.fit(superlinear).orElseThrow();
        assertEquals(0.0, fit.sigma());
        assertEquals(0.0, fit.kappa());
        assertTrue(fit.sigmaCi().lower() >= 0 && fit.kappaCi().lower() >= 0);
    }

    @Test
    void coherencyClampedAtZeroReducesToAmdahlFit() {
        // Data with negative coherency (κ = −0.002, mildly superlinear at large N): the constrained
        // optimum has κ = 0, where USL is Amdahl's law, so σ must equal Amdahl's least-squares s.
        List<ScalingPoint> pts = points(0.15, -0.002, 0, 0);
        UslFit usl = UslFit.fit(pts).orElseThrow();
        AmdahlFit amdahl = AmdahlFit.fit(pts).orElseThrow();
        assertEquals(0.0, usl.kappa());
        assertEquals(amdahl.serialFraction(), usl.sigma(), 1e-6);
        assertTrue(usl.sigma() < 0.15, "unconstrained σ would be 0.15, got " + usl.sigma());
    }

    @Test
    void emptyBelowMinimumPointsOrWithoutTwoParallelThreadCounts() {
        List<ScalingPoint> all = points(SIGMA, KAPPA, 0, 0);
        assertTrue(UslFit.fit(all.subList(0, UslFit.MIN_POINTS - 1)).isEmpty());
        assertTrue(UslFit.fit(all.subList(0, UslFit.MIN_POINTS)).isPresent());
        List<ScalingPoint> oneParallelCount = List.of(new ScalingPoint(1, 1), new ScalingPoint(1, 1.02),
                new ScalingPoint(4, 3.1), new ScalingPoint(4, 3.2));
        assertTrue(UslFit.fit(oneParallelCount).isEmpty());
    }

    @Test
    void rejectsBadValues() {
        ConfidenceInterval ci = new ConfidenceInterval(0, 0.1, 0.99);
        assertMessage(() -> new UslFit(-0.01, 0.001, ci, ci, 8, 0), "sigma");
        assertMessage(() -> new UslFit(1.5, 0.001, ci, ci, 8, 0), "sigma");
        assertMessage(() -> new UslFit(0.05, -0.001, ci, ci, 8, 0), "kappa");
        assertMessage(() -> new UslFit(0.05, Double.NaN, ci, ci, 8, 0), "kappa");
        assertMessage(() -> new UslFit(0.05, 0.001, null, ci, 8, 0), "sigmaCi");
        assertMessage(() -> new UslFit(0.05, 0.001, ci, new ConfidenceInterval(-1, 1, 0.99), 8, 0), "kappaCi");
        assertMessage(() -> new UslFit(0.05, 0.001, ci, ci, UslFit.MIN_POINTS - 1, 0), "points");
        assertMessage(() -> new UslFit(0.05, 0.001, ci, ci, 8, -1), "rmse");
        UslFit fit = UslFit.fit(points(SIGMA, KAPPA, 0, 0)).orElseThrow();
        assertMessage(() -> fit.predict(0), "n");
        assertMessage(() -> UslFit.fit(points(SIGMA, KAPPA, 0, 0), 0), "confidence");
    }
}
