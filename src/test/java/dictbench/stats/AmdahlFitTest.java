package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AmdahlFitTest {

    static final int[] THREADS = {1, 2, 3, 4, 6, 8, 12, 16};
    static final double TRUE_S = 0.1;
    static final double EXACT_TOLERANCE = 1e-6;
    /** Relative noise on each speedup in the noisy test, and the tolerance on s it must meet. */
    static final double NOISE = 0.01;
    static final double NOISY_TOLERANCE = 0.005;

    static double amdahl(double s, int p) {
        return 1 / (s + (1 - s) / p);
    }

    static List<ScalingPoint> points(double s, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ScalingPoint> pts = new ArrayList<>();
        for (int p : THREADS) {
            pts.add(new ScalingPoint(p, amdahl(s, p) * (1 + noise * BootstrapTest.gaussian(rng))));
        }
        return pts;
    }

    @Test
    void recoversSerialFractionFromExactData() {
        AmdahlFit fit = AmdahlFit.fit(points(TRUE_S, 0, 0)).orElseThrow();
        assertEquals(TRUE_S, fit.serialFraction(), EXACT_TOLERANCE);
        assertEquals(THREADS.length, fit.points());
        assertEquals(0.0, fit.rmse(), 1e-9);
        assertTrue(fit.serialFractionCi().width() < EXACT_TOLERANCE);
        assertEquals(1 / TRUE_S, fit.maxSpeedup().getAsDouble(), 1e-4);
        assertEquals(amdahl(TRUE_S, 10), fit.predict(10), 1e-6);
    }

    @Test
    void recoversSerialFractionFromNoisyData() {
        for (long seed = 1; seed <= 5; seed++) {
            AmdahlFit fit = AmdahlFit.fit(points(TRUE_S, NOISE, seed), 0.99).orElseThrow();
            assertEquals(TRUE_S, fit.serialFraction(), NOISY_TOLERANCE, "seed " + seed);
            assertTrue(fit.rmse() > 0);
            assertTrue(fit.serialFractionCi().width() > 0);
            assertTrue(fit.serialFractionCi().contains(fit.serialFraction()));
        }
    }

    @Test
    void intervalIsTQuantileTimesJacobianStandardError() {
        // Independent computation of the documented interval: se² = RSS/(n−1) / Σ J_i²,
        // J_i = ∂S/∂s = −p(p−1)/(1+s(p−1))², half-width = t_{0.995, n−1} · se.
        List<ScalingPoint> pts = points(TRUE_S, NOISE, 3);
        AmdahlFit fit = AmdahlFit.fit(pts, 0.99).orElseThrow();
        double s = fit.serialFraction();
        double rss = 0;
        double jtj = 0;
        for (ScalingPoint pt : pts) {
            int p = pt.threads();
            double d = 1 + s * (p - 1);
            rss += Math.pow(pt.speedup() - p / d, 2);
            jtj += Math.pow(p * (p - 1) / (d * d), 2);
        }
        int n = pts.size();
        double se = Math.sqrt(rss / (n - 1) / jtj);
        double t = new org.apache.commons.math3.distribution.TDistribution(n - 1).inverseCumulativeProbability(0.995);
        assertEquals(s - t * se, fit.serialFractionCi().lower(), 1e-9);
        assertEquals(s + t * se, fit.serialFractionCi().upper(), 1e-9);
        assertEquals(Math.sqrt(rss / n), fit.rmse(), 1e-12);
    }

    @Test
    void linearSpeedupFitsZeroSerialFraction() {
        List<ScalingPoint> linear = new ArrayList<>();
        for (int p : THREADS) {
            linear.add(new ScalingPoint(p, p));
        }
        AmdahlFit fit = AmdahlFit.fit(linear).orElseThrow();
        assertEquals(0.0, fit.serialFraction());
        assertTrue(fit.maxSpeedup().isEmpty());
    }

    @Test
    void emptyBelowMinimumPointsOrWithoutParallelPoints() {
        List<ScalingPoint> all = points(TRUE_S, 0, 0);
        assertTrue(AmdahlFit.fit(all.subList(0, AmdahlFit.MIN_POINTS - 1)).isEmpty());
        assertTrue(AmdahlFit.fit(all.subList(0, AmdahlFit.MIN_POINTS)).isPresent());
        List<ScalingPoint> sequentialOnly = List.of(new ScalingPoint(1, 1.0), new ScalingPoint(1, 0.98),
                new ScalingPoint(1, 1.01));
        assertTrue(AmdahlFit.fit(sequentialOnly).isEmpty());
    }

    @Test
    void rejectsBadValues() {
        ConfidenceInterval ci = new ConfidenceInterval(0.05, 0.15, 0.99);
        assertMessage(() -> new AmdahlFit(-0.1, ci, 5, 0), "serialFraction");
        assertMessage(() -> new AmdahlFit(1.1, ci, 5, 0), "serialFraction");
        assertMessage(() -> new AmdahlFit(0.1, new ConfidenceInterval(-0.1, 0.2, 0.99), 5, 0), "serialFractionCi");
        assertMessage(() -> new AmdahlFit(0.1, ci, 2, 0), "points");
        assertMessage(() -> new AmdahlFit(0.1, ci, 5, Double.NaN), "rmse");
        assertMessage(() -> new ScalingPoint(0, 1), "threads");
        assertMessage(() -> new ScalingPoint(-4, 1), "threads");
        assertMessage(() -> new ScalingPoint(2, Double.NaN), "speedup");
        assertMessage(() -> new ScalingPoint(2, 0), "speedup");
        AmdahlFit fit = AmdahlFit.fit(points(TRUE_S, 0, 0)).orElseThrow();
        assertMessage(() -> fit.predict(0.5), "p");
        assertMessage(() -> AmdahlFit.fit(points(TRUE_S, 0, 0), 1.5), "confidence");
    }
}
