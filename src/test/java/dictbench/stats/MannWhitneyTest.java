package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    static final double TOLERANCE = 1e-9;

    @Test
    void completeSeparationMatchesNormalApproximation() {
        // U_min = 0, E[U] = 12.5, Var[U] = 25·11/12: z = −2.61116, p = 2Φ(z)
        double p = MannWhitney.pValue(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}).getAsDouble();
        assertEquals(0.009023438818080334, p, TOLERANCE);
    }

    @Test
    void partialOverlapMatchesHandComputation() {
        // ranks of a = 1, 2, 4, 5 → R = 12, U = 12 − 10 = 2; z = (2 − 8)/sqrt(16·9/12) = −1.7320508
        double[] a = {1, 2, 4, 5};
        double[] b = {3, 6, 7, 8};
        assertEquals(0.08326451666355043, MannWhitney.pValue(a, b).getAsDouble(), TOLERANCE);
        assertEquals(MannWhitney.pValue(a, b).getAsDouble(), MannWhitney.pValue(b, a).getAsDouble(), 1e-15);
    }

    @Test
    void identicalGroupsGivePOne() {
        double[] a = {0.5, 0.6, 0.7, 0.8};
        assertEquals(1.0, MannWhitney.pValue(a, a.clone()).getAsDouble(), TOLERANCE);
    }

    @Test
    void samplesPooledOrByForkMedian() {
        Samples fast = Samples.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}, new double[] {7, 8},
                new double[] {9, 10});
        Samples slow = Samples.of(new double[] {11, 12}, new double[] {13, 14}, new double[] {15, 16},
                new double[] {17, 18}, new double[] {19, 20});
        double pooled = MannWhitney.pValue(fast, slow).getAsDouble();
        double forks = MannWhitney.forkMedianPValue(fast, slow).getAsDouble();
        assertEquals(MannWhitney.pValue(fast.all(), slow.all()).getAsDouble(), pooled, 1e-15);
        assertEquals(0.009023438818080334, forks, TOLERANCE);
        assertTrue(pooled < forks, "pooling 10 values per group is more significant than 5 fork medians");
    }

    @Test
    void emptyBelowMinimumGroupSize() {
        double[] small = new double[MannWhitney.MIN_PER_GROUP - 1];
        double[] enough = new double[MannWhitney.MIN_PER_GROUP];
        assertTrue(MannWhitney.pValue(small, enough).isEmpty());
        assertTrue(MannWhitney.pValue(enough, small).isEmpty());
        assertTrue(MannWhitney.pValue(enough, enough).isPresent());
    }

    @Test
    void rejectsNonFiniteValues() {
        assertMessage(() -> MannWhitney.pValue(new double[] {1, 2, 3, Double.NaN}, new double[] {1, 2, 3, 4}), "a[3]");
        assertMessage(() -> MannWhitney.pValue(new double[] {1, 2, 3, 4}, null), "b");
    }
}
