package dictbench.gate;

import static dictbench.stats.PerformanceChangeTest.shots;
import static dictbench.stats.PerformanceChangeTest.typical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.stats.PerformanceChange.Case;
import dictbench.stats.PerformanceChange.Correction;
import dictbench.stats.PerformanceChange.Direction;
import dictbench.stats.PerformanceChange.Result;
import dictbench.stats.PerformanceChange.Settings;
import dictbench.stats.PerformanceChange;
import dictbench.stats.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    static final Settings SETTINGS = Settings.defaults();

    static Result judge(Direction direction, Samples baseline, Samples current) {
        return PerformanceChange.evaluate(List.of(new Case("b", direction, baseline, current)), SETTINGS).getFirst();
    }

    static String reason(Result r) {
        return Sentences.reason(r, SETTINGS);
    }

    @Test
    void aRegressionSaysItsChangeIntervalAndP() {
        Result r = judge(Direction.LOWER_IS_BETTER, typical(100, 1), typical(120, 2));
        String why = reason(r);
        assertTrue(why.startsWith("time +"), why);
        assertTrue(why.contains("(worse): the 99% CI of the slowdown [") && why.contains("] lies above the 5% threshold and adjusted p = ")
                && why.endsWith(" < 0.01"), why);
    }

    @Test
    void anImprovementAndNoChangeSayWhichSide() {
        assertTrue(reason(judge(Direction.LOWER_IS_BETTER, typical(100, 1), typical(80, 2))).contains("(better): the 99% CI"));
        assertTrue(reason(judge(Direction.LOWER_IS_BETTER, typical(100, 1), typical(80, 2))).contains("lies below the 5% threshold"));
        Samples same = typical(100, 3);
        Result r = judge(Direction.LOWER_IS_BETTER, same, same);
        assertEquals("time ±0.0%", Sentences.change(r));
        assertTrue(reason(r).startsWith("time ±0.0%: the 99% CI of the slowdown [") && reason(r).endsWith("] lies within ±5%"), reason(r));
    }

    @Test
    void tooFewShotsSaysHowManyMoreOnEachSide() {
        Samples cur = Samples.of(new double[] {120, 121}, new double[] {122, 123});
        Result r = judge(Direction.LOWER_IS_BETTER, Samples.of(new double[] {100, 101}, new double[] {102, 103}), cur);
        assertEquals("too few samples: needs 1 more baseline and 1 more current shots: with 4 and 4 even a complete "
                + "separation cannot reach p < 0.01 over 1 benchmark(s); 5 a side can", reason(r));
        Result fewer = judge(Direction.LOWER_IS_BETTER, Samples.of(new double[] {100}, new double[] {101, 102}), cur);
        assertTrue(reason(fewer).contains("needs 2 more baseline and 1 more current shots"), reason(fewer));
    }

    @Test
    void oneForkSaysForksAreMissing() {
        Result r = judge(Direction.LOWER_IS_BETTER, shots(100, 1, 40, 0, 0.01, 6), shots(120, 1, 40, 0, 0.01, 7));
        assertEquals("too few samples: needs at least 2 forks a side to see JVM-to-JVM variation (baseline has 1, current 1)", reason(r));
    }

    @Test
    void throughputIsNamedAndItsSignKept() {
        Result r = judge(Direction.HIGHER_IS_BETTER, typical(100, 8), typical(80, 10));
        assertTrue(Sentences.change(r).startsWith("throughput -") && Sentences.change(r).endsWith("% (worse)"), Sentences.change(r));
    }

    @Test
    void notSignificantAfterCorrectionSaysSo() {
        Samples base = Samples.of(new double[] {100}, new double[] {100.5}, new double[] {101}, new double[] {101.5},
                new double[] {102}, new double[] {102.5}, new double[] {103}, new double[] {125.5});
        Samples cur = Samples.of(new double[] {120}, new double[] {121}, new double[] {122}, new double[] {123},
                new double[] {124}, new double[] {125}, new double[] {126}, new double[] {127});
        List<Case> three = List.of(new Case("a", Direction.LOWER_IS_BETTER, base, cur),
                new Case("b", Direction.LOWER_IS_BETTER, base, cur), new Case("c", Direction.LOWER_IS_BETTER, base, cur));
        Settings holm = SETTINGS.withCorrection(Correction.HOLM);
        for (Result r : PerformanceChange.evaluate(three, holm)) {
            String why = Sentences.reason(r, holm);
            assertTrue(why.contains("clears the 5% threshold but adjusted p = 0.01897 is not below 0.01"), why);
            assertTrue(why.contains("shots a side (now 8 and 8) would likely decide it"), why);
        }
    }

    @Test
    void aStraddlingIntervalSaysSo() {
        Result r = judge(Direction.LOWER_IS_BETTER, shots(100, 5, 10, 0.03, 0.03, 17), shots(105, 5, 10, 0.03, 0.03, 18));
        assertTrue(reason(r).contains("straddles the ±5% threshold; "), reason(r));
    }

    @Test
    void numbersHaveFourSignificantDigitsAndNoTrailingZeros() {
        assertEquals("5", Sentences.number(5));
        assertEquals("0.01", Sentences.number(0.01));
        assertEquals("99", Sentences.number(99.0));
        assertEquals("2.0e-05", Sentences.number(2e-5));
        assertEquals("0.1235", Sentences.number(0.123456));
    }
}
