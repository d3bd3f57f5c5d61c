package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ChangeSampleSizeTest {

    static final double TOLERANCE = 1e-12;

    @Test
    void smallestPValueIsWhatMannWhitneyGivesForACompleteSeparation() {
        int[][] sizes = {{4, 4}, {5, 5}, {4, 9}, {10, 3}, {50, 50}};
        for (int[] n : sizes) {
            double[] low = new double[n[0]];
            double[] high = new double[n[1]];
            for (int i = 0; i < low.length; i++) {
                low[i] = i;
            }
            for (int i = 0; i < high.length; i++) {
                high[i] = 1000 + i;
            }
            // MannWhitney returns nothing below MIN_PER_GROUP; the formula still holds there
            OptionalDouble p = MannWhitney.pValue(low, high);
            if (p.isPresent()) {
                assertEquals(p.getAsDouble(), ChangeSampleSize.smallestPValue(n[0], n[1]), TOLERANCE, n[0] + " vs " + n[1]);
            }
        }
        // z = −sqrt(3·25/11) = −2.61116: the published example in MannWhitneyTest
        assertEquals(0.009023438818080334, ChangeSampleSize.smallestPValue(5, 5), 1e-9);
    }

    @Test
    void minimumShotsPerSideGrowWithTheNumberOfBenchmarks() {
        // α = 0.01: 2Φ(−sqrt(3n²/(2n+1))) < 0.01/m; n = 4 gives 0.0209, 5 gives 0.0090 (m = 1),
        // 7 gives 0.00175 < 0.002 (m = 5, 6 does not), 8 gives 0.00078 < 0.001 (m = 10, 7 does not)
        assertEquals(5, ChangeSampleSize.minimumPerSide(0.01, 1));
        assertEquals(7, ChangeSampleSize.minimumPerSide(0.01, 5));
        assertEquals(8, ChangeSampleSize.minimumPerSide(0.01, 10));
        // never below the test's own minimum
        assertEquals(MannWhitney.MIN_PER_GROUP, ChangeSampleSize.minimumPerSide(0.05, 1));
    }

    @Test
    void attainabilityUsesBothSizes() {
        assertTrue(ChangeSampleSize.attainable(4, 100, 0.01, 1), "a large side makes up for a small one");
        assertFalse(ChangeSampleSize.attainable(3, 100, 0.01, 1), "but not below MIN_PER_GROUP");
        assertFalse(ChangeSampleSize.attainable(4, 4, 0.01, 1));
        assertTrue(ChangeSampleSize.attainable(5, 5, 0.01, 1));
        assertFalse(ChangeSampleSize.attainable(5, 5, 0.01, 2), "0.0090 is not below 0.01/2");
    }

    @Test
    void shotsToDecideScalesWithTheSquareOfTheMissingPrecision() {
        // slowdown 1.10, CI [1.02, 1.18], 5%: the lower half-width ln(1.10/1.02) must fit in ln(1.10/1.05);
        // f = 1.6231, f² = 2.6345, 50 shots → 132
        Estimate straddling = new Estimate(1.10, new ConfidenceInterval(1.02, 1.18, 0.99));
        assertEquals(OptionalInt.of(132),
                ChangeSampleSize.shotsToDecide(straddling, 0.05, OptionalDouble.of(1e-6), 0.01, 50));

        // CI clears the threshold, adjusted p = 0.05 must fall below 0.01: z 1.960 → 2.576, f² = 1.7272, 10 → 18
        Estimate clear = new Estimate(1.2, new ConfidenceInterval(1.1, 1.3, 0.99));
        assertEquals(OptionalInt.of(18), ChangeSampleSize.shotsToDecide(clear, 0.05, OptionalDouble.of(0.05), 0.01, 10));

        // within the band, CI [0.97, 1.06]: the upper end must come inside ln 1.05: f² = 1.4263, 50 → 72
        Estimate inBand = new Estimate(1.0, new ConfidenceInterval(0.97, 1.06, 0.99));
        assertEquals(OptionalInt.of(72), ChangeSampleSize.shotsToDecide(inBand, 0.05, OptionalDouble.of(0.5), 0.01, 50));
    }

    @Test
    void anEstimateOnTheThresholdCannotBeDecided() {
        Estimate onBound = new Estimate(1.05, new ConfidenceInterval(1.0, 1.1, 0.99));
        assertTrue(ChangeSampleSize.shotsToDecide(onBound, 0.05, OptionalDouble.of(0.001), 0.01, 50).isEmpty());
        Estimate nearBound = new Estimate(1.051, new ConfidenceInterval(1.0, 1.1, 0.99));
        assertTrue(ChangeSampleSize.shotsToDecide(nearBound, 0.05, OptionalDouble.of(0.001), 0.01, 50).isEmpty(),
                "needs more than MAX_GROWTH × the shots");
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> ChangeSampleSize.smallestPValue(0, 5), "n1, n2");
        assertMessage(() -> ChangeSampleSize.minimumPerSide(0, 1), "alpha");
        assertMessage(() -> ChangeSampleSize.minimumPerSide(0.01, 0), "comparisons");
        Estimate e = new Estimate(1.1, new ConfidenceInterval(1.0, 1.2, 0.99));
        assertMessage(() -> ChangeSampleSize.shotsToDecide(e, 0.05, OptionalDouble.empty(), 0.01, 0), "shotsPerSide");
    }
}
