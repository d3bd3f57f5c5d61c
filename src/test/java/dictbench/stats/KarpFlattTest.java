package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KarpFlattTest {

    static final double TOLERANCE = 1e-12;

    @Test
    void matchesHandComputedValues() {
        // (1/1.8 - 1/2) / (1 - 1/2) = 0.0555.../0.5
        assertEquals(1.0 / 9, KarpFlatt.serialFraction(1.8, 2).getAsDouble(), TOLERANCE);
        // (1/3 - 1/4) / (3/4) = (1/12)/(3/4) = 1/9
        assertEquals(1.0 / 9, KarpFlatt.serialFraction(3.0, 4).getAsDouble(), TOLERANCE);
        // (1/5 - 1/8) / (7/8) = (3/40)/(7/8) = 3/35
        assertEquals(3.0 / 35, KarpFlatt.serialFraction(5.0, 8).getAsDouble(), TOLERANCE);
        assertEquals(0.0, KarpFlatt.serialFraction(8.0, 8).getAsDouble(), TOLERANCE);
        assertEquals(1.0, KarpFlatt.serialFraction(1.0, 4).getAsDouble(), TOLERANCE);
        assertTrue(KarpFlatt.serialFraction(10.0, 8).getAsDouble() < 0, "superlinear speedup gives e < 0");
    }

    @Test
    void agreesWithAmdahlForPureAmdahlSpeedup() {
        double s = 0.1;
        for (int p = 2; p <= 64; p *= 2) {
            double psi = 1 / (s + (1 - s) / p);
            assertEquals(s, KarpFlatt.serialFraction(psi, p).getAsDouble(), TOLERANCE);
        }
    }

    @Test
    void undefinedForOneProcessor() {
        assertTrue(KarpFlatt.serialFraction(1.0, 1).isEmpty());
        Speedup one = new Speedup(1.0, 1.0, 1, 1.0, new ConfidenceInterval(0.9, 1.1, 0.99));
        assertTrue(KarpFlatt.serialFraction(one).isEmpty());
        assertTrue(KarpFlatt.estimate(one).isEmpty());
    }

    @Test
    void intervalMapsSpeedupBoundsInReverse() {
        Speedup s = new Speedup(2.0, 1.0, 4, 2.0, new ConfidenceInterval(1.6, 2.5, 0.99));
        Estimate e = KarpFlatt.estimate(s).orElseThrow();
        assertEquals((0.5 - 0.25) / 0.75, e.value(), TOLERANCE);
        assertEquals((1 / 2.5 - 0.25) / 0.75, e.ci().lower(), TOLERANCE);
        assertEquals((1 / 1.6 - 0.25) / 0.75, e.ci().upper(), TOLERANCE);
    }

    @Test
    void rejectsBadArguments() {
        assertMessage(() -> KarpFlatt.serialFraction(2.0, 0), "processors");
        assertMessage(() -> KarpFlatt.serialFraction(2.0, -3), "processors");
        assertMessage(() -> KarpFlatt.serialFraction(0.0, 2), "psi");
        assertMessage(() -> KarpFlatt.serialFraction(Double.NaN, 2), "psi");
    }
}
