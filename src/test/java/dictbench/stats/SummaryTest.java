package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void summarisesPooledValues() {
        Samples s = Samples.of(new double[] {1.0, 2.0, 9.0}, new double[] {3.0, 4.0, 5.0});
        Summary sum = Summary.of(s);
        assertEquals(6, sum.n());
        assertEquals(2, sum.forks());
        assertEquals(3.5, sum.median(), 1e-12);
        assertEquals(4.0, sum.mean(), 1e-12);
        assertEquals(1.0, sum.min());
        assertEquals(9.0, sum.max());
        assertEquals(Bootstrap.DEFAULT_CONFIDENCE, sum.medianCi().confidence());
        assertTrue(sum.medianCi().contains(sum.median()));
        assertTrue(sum.medianCi().lower() >= 1.0 && sum.medianCi().upper() <= 9.0);
    }

    @Test
    void constantSamplesGiveDegenerateInterval() {
        Summary sum = Summary.of(Samples.of(new double[] {0.3, 0.3}, new double[] {0.3}));
        assertEquals(0.3, sum.medianCi().lower(), 1e-15);
        assertEquals(0.3, sum.medianCi().upper(), 1e-15);
    }

    @Test
    void higherConfidenceGivesWiderInterval() {
        Samples s = BootstrapTest.lognormalForks(11, 5, 10, 1.0);
        Bootstrap.Options o = Bootstrap.Options.defaults().withResamples(2_000);
        double w90 = Summary.of(s, o.withConfidence(0.90)).medianCi().width();
        double w99 = Summary.of(s, o.withConfidence(0.99)).medianCi().width();
        assertTrue(w99 > w90, w99 + " <= " + w90);
    }

    @Test
    void rejectsInconsistentValues() {
        ConfidenceInterval ci = new ConfidenceInterval(1, 2, 0.99);
        assertMessage(() -> new Summary(0, 1, 1, 1, 1, 1, ci), "n");
        assertMessage(() -> new Summary(3, 4, 1, 1, 1, 1, ci), "forks");
        assertMessage(() -> new Summary(3, 1, 5, 1, 1, 2, ci), "median");
        assertMessage(() -> new Summary(3, 1, 1.5, 7, 1, 2, ci), "mean");
        assertMessage(() -> new Summary(3, 1, Double.NaN, 1.5, 1, 2, ci), "median");
        assertMessage(() -> new Summary(3, 1, 1.5, 1.5, 1, 2, null), "medianCi");
    }
}
