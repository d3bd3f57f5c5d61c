package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SpeedupTest {

    static final Bootstrap.Options OPTIONS = Bootstrap.Options.defaults().withResamples(2_000);

    @Test
    void identicalSamplesHaveRatioOneAndIntervalContainingOne() {
        Samples t = BootstrapTest.lognormalForks(21, 5, 10, 0.8);
        Speedup s = Speedup.of(t, t, 4, OPTIONS);
        assertEquals(1.0, s.ratio(), 1e-15);
        assertTrue(s.ratioCi().contains(1.0), s.ratioCi().toString());
        assertTrue(s.ratioCi().width() > 0, "samples are resampled independently, so the ratio varies");
        assertEquals(0.25, s.efficiency(), 1e-15);
        assertTrue(s.efficiencyCi().contains(0.25));
    }

    @Test
    void halvedTimesGiveRatioTwo() {
        Samples base = BootstrapTest.lognormalForks(22, 5, 10, 0.8);
        double[][] halved = base.toArrays();
        for (double[] fork : halved) {
            Arrays.setAll(fork, i -> fork[i] / 2);
        }
        Speedup s = Speedup.of(base, Samples.of(halved), 2, OPTIONS);
        assertEquals(2.0, s.ratio(), 1e-12);
        assertEquals(Descriptive.median(base.all()), s.baselineMedian(), 1e-15);
        assertEquals(s.baselineMedian() / 2, s.strategyMedian(), 1e-15);
        assertTrue(s.ratioCi().contains(2.0), s.ratioCi().toString());
        assertFalse(s.ratioCi().contains(1.0), s.ratioCi().toString());
        assertEquals(1.0, s.efficiency(), 1e-12);
        assertEquals(s.ratioCi().lower() / 2, s.efficiencyCi().lower(), 1e-15);
        assertEquals(s.ratioCi().upper() / 2, s.efficiencyCi().upper(), 1e-15);
    }

    @Test
    void ratioIsBaselineOverStrategy() {
        Samples base = Samples.of(new double[] {3, 3, 3});
        Samples fast = Samples.of(new double[] {1, 1, 1});
        Speedup s = Speedup.of(base, fast, 3, OPTIONS);
        assertEquals(3.0, s.ratio());
        assertEquals(new ConfidenceInterval(3, 3, 0.99), s.ratioCi());
        assertEquals(1.0 / 3, Speedup.of(fast, base, 1, OPTIONS).ratio(), 1e-15);
    }

    @Test
    void rejectsBadValues() {
        ConfidenceInterval ci = new ConfidenceInterval(1, 3, 0.99);
        assertMessage(() -> new Speedup(2, 1, -1, 2, ci), "threads");
        assertMessage(() -> new Speedup(2, 1, 0, 2, ci), "threads");
        assertMessage(() -> new Speedup(Double.NaN, 1, 1, 2, ci), "baselineMedian");
        assertMessage(() -> new Speedup(2, 0, 1, 2, ci), "strategyMedian");
        assertMessage(() -> new Speedup(2, 1, 1, 3, ci), "ratio");
        assertMessage(() -> new Speedup(2, 1, 1, 2, null), "ratioCi");
        Samples ok = Samples.of(new double[] {1, 2});
        assertMessage(() -> Speedup.of(ok, ok, -2, OPTIONS), "threads");
        assertMessage(() -> Speedup.of(Samples.of(new double[] {1, 0}), ok, 1, OPTIONS), "baseline");
        assertMessage(() -> Speedup.of(ok, Samples.of(new double[] {-1, 2}), 1, OPTIONS), "strategy");
    }
}
