package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MultipleComparisonsTest {

    static final double TOLERANCE = 1e-9;

    /** The 15 p-values of the worked example in Benjamini & Hochberg (1995). */
    static final double[] BH_1995 = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
        0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000};

    static long rejected(double[] adjusted, double alpha) {
        return Arrays.stream(adjusted).filter(p -> p <= alpha).count();
    }

    @Test
    void benjaminiHochbergOnPublishedExample() {
        double[] adj = MultipleComparisons.benjaminiHochberg(BH_1995);
        // adj(i) = min_{j>=i} 15·p(j)/j, by hand
        double[] expected = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0298 * 15 / 7, 0.0298 * 15 / 7, 0.0645,
            0.0765, 0.486, 0.4262 * 15 / 11, 0.714875, 0.6528 * 15 / 13, 0.759 * 15 / 14, 1.0};
        assertArrayEquals(expected, adj, TOLERANCE);
        // The paper: at q = 0.05 the procedure rejects four hypotheses, Bonferroni-type methods three.
        assertEquals(4, rejected(adj, 0.05));
        assertEquals(3, rejected(MultipleComparisons.holm(BH_1995), 0.05));
    }

    @Test
    void holmOnPublishedExample() {
        // adj(i) = min(1, max_{j<=i} (16 − j)·p(j)), by hand
        double[] expected = {0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213,
            1, 1, 1, 1, 1, 1};
        assertArrayEquals(expected, MultipleComparisons.holm(BH_1995), TOLERANCE);
    }

    @Test
    void returnsAdjustedValuesInInputOrder() {
        double[] p = {0.01, 0.04, 0.03, 0.005};
        // sorted 0.005, 0.01, 0.03, 0.04 → Holm 0.02, 0.03, 0.06, max(0.06, 0.04)
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, MultipleComparisons.holm(p), TOLERANCE);
        // BH: 0.02, 0.02, 0.04, 0.04 after the step-up minimum
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, MultipleComparisons.benjaminiHochberg(p), TOLERANCE);
        assertArrayEquals(new double[] {0.01, 0.04, 0.03, 0.005}, p, "input must not be modified");
    }

    @Test
    void capsAtOneAndEnforcesMonotonicity() {
        double[] p = {0.7, 0.6};
        // Holm: 2·0.6 = 1.2 → 1, then max(1, 0.7) = 1
        assertArrayEquals(new double[] {1, 1}, MultipleComparisons.holm(p), TOLERANCE);
        // BH: raw 2·0.6/1 = 1.2 but the step-up minimum gives min(1.2, 0.7) = 0.7 for both
        assertArrayEquals(new double[] {0.7, 0.7}, MultipleComparisons.benjaminiHochberg(p), TOLERANCE);
    }

    @Test
    void tiesAndEdgeCases() {
        assertArrayEquals(new double[] {0.04, 0.04}, MultipleComparisons.holm(new double[] {0.02, 0.02}), TOLERANCE);
        assertArrayEquals(new double[] {0.02, 0.02},
                MultipleComparisons.benjaminiHochberg(new double[] {0.02, 0.02}), TOLERANCE);
        assertArrayEquals(new double[] {0.3}, MultipleComparisons.holm(new double[] {0.3}), TOLERANCE);
        assertArrayEquals(new double[0], MultipleComparisons.benjaminiHochberg(new double[0]));
    }

    @Test
    void rejectsInvalidPValues() {
        assertMessage(() -> MultipleComparisons.holm(new double[] {0.1, Double.NaN}), "p[1]");
        assertMessage(() -> MultipleComparisons.benjaminiHochberg(new double[] {1.5}), "p[0]");
        assertMessage(() -> MultipleComparisons.holm(new double[] {-0.1}), "p[0]");
        assertMessage(() -> MultipleComparisons.holm(null), "p");
    }
}
