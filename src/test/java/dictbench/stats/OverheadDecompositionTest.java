package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OverheadDecompositionTest {

    static final Bootstrap.Options OPTIONS = Bootstrap.Options.defaults().withResamples(2_000);

    static Samples scaled(Samples s, double factor) {
        double[][] a = s.toArrays();
        for (double[] fork : a) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] *= factor;
            }
        }
        return Samples.of(a);
    }

    @Test
    void constantComponentsGiveExactShares() {
        Map<String, Samples> m = new LinkedHashMap<>();
        m.put("process start", Samples.of(new double[] {1, 1, 1}, new double[] {1, 1, 1}));
        m.put("child decode", Samples.of(new double[] {2, 2, 2}, new double[] {2, 2, 2}));
        m.put("transfer", Samples.of(new double[] {1, 1, 1}, new double[] {1, 1, 1}));
        OverheadDecomposition d = OverheadDecomposition.of(m, OPTIONS);
        assertEquals(List.of("process start", "child decode", "transfer"),
                d.components().stream().map(OverheadDecomposition.Component::name).toList());
        assertEquals(0.25, d.components().get(0).share().value(), 1e-15);
        assertEquals(0.50, d.components().get(1).share().value(), 1e-15);
        assertEquals(0.25, d.components().get(2).share().value(), 1e-15);
        assertEquals(4.0, d.totalMean(), 1e-15);
        assertEquals(0.5, d.components().get(1).share().ci().lower(), 1e-15);
        assertEquals(0.5, d.components().get(1).share().ci().upper(), 1e-15);
    }

    @Test
    void resamplesShotsJointly() {
        // B is exactly 3 × A in every shot, but shots vary: joint resampling keeps A's share at exactly
        // 1/4 in every replicate; resampling components independently would not.
        Samples a = BootstrapTest.lognormalForks(31, 5, 10, 0.1);
        Map<String, Samples> m = new LinkedHashMap<>();
        m.put("child encode", a);
        m.put("parent decode", scaled(a, 3));
        OverheadDecomposition d = OverheadDecomposition.of(m, OPTIONS);
        ConfidenceInterval ci = d.components().getFirst().share().ci();
        assertEquals(0.25, d.components().getFirst().share().value(), 1e-12);
        assertEquals(0.25, ci.lower(), 1e-12);
        assertEquals(0.25, ci.upper(), 1e-12);
    }

    @Test
    void independentNoiseGivesIntervalsAroundShares() {
        Map<String, Samples> m = new LinkedHashMap<>();
        m.put("process start", BootstrapTest.lognormalForks(41, 5, 10, 0.05));
        m.put("child decode", BootstrapTest.lognormalForks(42, 5, 10, 0.30));
        m.put("child encode", BootstrapTest.lognormalForks(43, 5, 10, 0.10));
        m.put("transfer", BootstrapTest.lognormalForks(44, 5, 10, 0.05));
        m.put("parent decode", BootstrapTest.lognormalForks(45, 5, 10, 0.20));
        OverheadDecomposition d = OverheadDecomposition.of(m, OPTIONS);
        double sum = 0;
        for (OverheadDecomposition.Component c : d.components()) {
            sum += c.share().value();
            assertTrue(c.share().ci().contains(c.share().value()), c.toString());
            assertTrue(c.share().ci().width() > 0, c.toString());
            assertEquals(c.mean() / d.totalMean(), c.share().value(), 1e-12);
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(0.30 / 0.70, d.components().get(1).share().value(), 0.03);
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> OverheadDecomposition.of(Map.of(), OPTIONS), "components");
        Map<String, Samples> mismatched = new LinkedHashMap<>();
        mismatched.put("a", Samples.of(new double[] {1, 2}));
        mismatched.put("b", Samples.of(new double[] {1, 2, 3}));
        assertMessage(() -> OverheadDecomposition.of(mismatched, OPTIONS), "aligned[1]");
        Map<String, Samples> negative = new LinkedHashMap<>();
        negative.put("a", Samples.of(new double[] {1, -2}));
        assertMessage(() -> OverheadDecomposition.of(negative, OPTIONS), "components[a]");
        Map<String, Samples> zero = new LinkedHashMap<>();
        zero.put("a", Samples.of(new double[] {0, 0}));
        assertMessage(() -> OverheadDecomposition.of(zero, OPTIONS), "components");
        Estimate half = new Estimate(0.5, new ConfidenceInterval(0.4, 0.6, 0.99));
        assertMessage(() -> new OverheadDecomposition.Component(" ", 1, half), "name");
        assertMessage(() -> new OverheadDecomposition.Component("x", -1, half), "mean");
        assertMessage(() -> new OverheadDecomposition.Component("x", 1,
                new Estimate(1.2, new ConfidenceInterval(1.1, 1.3, 0.99))), "share");
        OverheadDecomposition.Component c = new OverheadDecomposition.Component("x", 1, half);
        assertMessage(() -> new OverheadDecomposition(List.of(c)), "components");
        assertMessage(() -> new OverheadDecomposition(List.of(c, c)), "components");
    }
}
