package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.stats.PerformanceChange.Case;
import dictbench.stats.PerformanceChange.Correction;
import dictbench.stats.PerformanceChange.Direction;
import dictbench.stats.PerformanceChange.Result;
import dictbench.stats.PerformanceChange.Settings;
import dictbench.stats.PerformanceChange.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

public class PerformanceChangeTest {

    /** Relative tolerance of medians and ratios computed by hand. */
    static final double TOLERANCE = 1e-12;

    /** The defaults: 5%, α = 0.01 (99% intervals), Holm, B = 10 000. */
    static final Settings SETTINGS = Settings.defaults();

    /**
     * Synthetic shots: {@code forks × perFork} values around {@code center}, each fork shifted by a
     * Gaussian fork effect of relative SD {@code forkNoise} and each shot by relative SD {@code shotNoise}.
     * Deterministic for a seed.
     */
    public static Samples shots(double center, int forks, int perFork, double forkNoise, double shotNoise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double forkCenter = center * (1 + forkNoise * rng.nextGaussian());
            double[] fork = new double[perFork];
            for (int i = 0; i < perFork; i++) {
                fork[i] = forkCenter * (1 + shotNoise * rng.nextGaussian());
            }
            out.add(fork);
        }
        return Samples.ofArrays(out);
    }

    /** 5 forks × 10 shots, 1% fork-to-fork and 1% shot-to-shot noise. */
    public static Samples typical(double center, long seed) {
        return shots(center, 5, 10, 0.01, 0.01, seed);
    }

    static Result judge(Direction direction, Samples baseline, Samples current) {
        return PerformanceChange.evaluate(List.of(new Case("b", direction, baseline, current)), SETTINGS).getFirst();
    }

    @Test
    void twentyPercentSlowerRegresses() {
        Result r = judge(Direction.LOWER_IS_BETTER, typical(100, 1), typical(120, 2));
        assertEquals(Verdict.REGRESSED, r.verdict(), r.toString());
        assertEquals(1.2, r.ratio().value(), 0.03);
        assertTrue(r.ratio().ci().lower() > 1.05 && r.ratio().ci().contains(r.ratio().value()), r.ratio().toString());
        assertTrue(r.adjustedPValue().getAsDouble() < 1e-6, r.toString());
        assertEquals(PerformanceChange.Finding.ABOVE_THRESHOLD, r.finding());
        assertTrue(r.shotsPerSideNeeded().isEmpty());
    }

    @Test
    void twentyPercentFasterImproves() {
        Result r = judge(Direction.LOWER_IS_BETTER, typical(100, 1), typical(80, 2));
        assertEquals(Verdict.IMPROVED, r.verdict(), r.toString());
        assertEquals(0.8, r.ratio().value(), 0.03);
        assertTrue(r.ratio().ci().upper() < 1 / 1.05, r.ratio().toString());
    }

    @Test
    void identicalInputsAreUnchanged() {
        Samples same = typical(100, 3);
        Result r = judge(Direction.LOWER_IS_BETTER, same, same);
        assertEquals(Verdict.UNCHANGED, r.verdict(), r.toString());
        assertEquals(1.0, r.ratio().value(), TOLERANCE);
        assertEquals(1.0, r.pValue().getAsDouble(), 1e-9);
        assertEquals(PerformanceChange.Finding.WITHIN_THRESHOLD, r.finding());
        assertTrue(r.ratio().ci().lower() >= 1 / 1.05 && r.ratio().ci().upper() <= 1.05, r.ratio().toString());
    }

    @Test
    void aSignificantChangeBelowTheThresholdIsUnchanged() {
        // 2% slower with 0.2% noise: clearly real, clearly smaller than 5%
        Samples base = shots(100, 5, 10, 0.002, 0.002, 4);
        Samples cur = shots(102, 5, 10, 0.002, 0.002, 5);
        Result r = judge(Direction.LOWER_IS_BETTER, base, cur);
        assertTrue(r.adjustedPValue().getAsDouble() < 0.01, r.toString());
        assertEquals(Verdict.UNCHANGED, r.verdict(), r.toString());
        // and with a 1% threshold the same data is a regression
        Result strict = PerformanceChange.evaluate(List.of(new Case("b", Direction.LOWER_IS_BETTER, base, cur)),
                SETTINGS.withThreshold(0.01)).getFirst();
        assertEquals(Verdict.REGRESSED, strict.verdict(), strict.toString());
    }

    @Test
    void tinySamplesAreInconclusiveAndSayHowManyMoreShots() {
        // 2 forks × 2 shots a side, 20% slower: 4 shots cannot reach p < 0.01; 5 can (ChangeSampleSize)
        Samples base = Samples.of(new double[] {100, 101}, new double[] {102, 103});
        Samples cur = Samples.of(new double[] {120, 121}, new double[] {122, 123});
        Result r = judge(Direction.LOWER_IS_BETTER, base, cur);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.toString());
        assertEquals(5, r.shotsPerSideNeeded().getAsInt());
        assertEquals(PerformanceChange.Finding.TOO_FEW_SAMPLES, r.finding());
        assertTrue(r.tooFewShots() && !r.tooFewForks(), r.toString());

        Samples three = Samples.of(new double[] {100}, new double[] {101, 102});
        Result fewer = judge(Direction.LOWER_IS_BETTER, three, cur);
        assertTrue(fewer.pValue().isEmpty(), "below MannWhitney.MIN_PER_GROUP there is no p");
        assertTrue(fewer.tooFewShots(), fewer.toString());
        assertEquals(5, fewer.shotsPerSideNeeded().getAsInt());
    }

    @Test
    void oneForkIsInconclusiveHoweverManyShots() {
        Samples base = shots(100, 1, 40, 0, 0.01, 6);
        Samples cur = shots(120, 1, 40, 0, 0.01, 7);
        Result r = judge(Direction.LOWER_IS_BETTER, base, cur);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.toString());
        assertEquals(PerformanceChange.Finding.TOO_FEW_SAMPLES, r.finding());
        assertTrue(r.tooFewForks() && !r.tooFewShots(), r.toString());
        assertTrue(r.shotsPerSideNeeded().isEmpty(), "forks, not shots, are missing");
    }

    @Test
    void throughputDirectionFlips() {
        Samples base = typical(100, 8);
        Samples higher = typical(120, 9);
        Samples lower = typical(80, 10);
        assertEquals(Verdict.IMPROVED, judge(Direction.HIGHER_IS_BETTER, base, higher).verdict());
        assertEquals(Verdict.REGRESSED, judge(Direction.HIGHER_IS_BETTER, base, lower).verdict());
        assertEquals(Verdict.REGRESSED, judge(Direction.LOWER_IS_BETTER, base, higher).verdict());
        assertEquals(Verdict.IMPROVED, judge(Direction.LOWER_IS_BETTER, base, lower).verdict());

        Result r = judge(Direction.HIGHER_IS_BETTER, base, lower);
        assertEquals(r.ratio().value(), 1 / r.slowdown().value(), TOLERANCE);
        assertEquals(1 / r.ratio().ci().upper(), r.slowdown().ci().lower(), TOLERANCE);
        assertTrue(r.ratio().value() < 1, r.toString());
    }

    @Test
    void thresholdIsSymmetricOnALogScale() {
        Settings s = SETTINGS.withThreshold(0.25);
        assertEquals(1.25, s.worseBound(), TOLERANCE);
        assertEquals(0.8, s.betterBound(), TOLERANCE);
        assertEquals(0.99, s.confidence(), TOLERANCE);
    }

    /**
     * Three identical benchmarks, each with raw p = 0.0063 (8 single-shot forks a side, U = 6) and a CI
     * well above 1.05: alone each regresses; Holm multiplies p by 3 (0.019 ≥ 0.01), Benjamini–Hochberg
     * leaves equal p-values as they are.
     */
    @Test
    void correctionRunsAcrossAllBenchmarks() {
        Samples base = singleShotForks(100, 100.5, 101, 101.5, 102, 102.5, 103, 125.5);
        Samples cur = singleShotForks(120, 121, 122, 123, 124, 125, 126, 127);
        List<Case> three = List.of(new Case("a", Direction.LOWER_IS_BETTER, base, cur),
                new Case("b", Direction.LOWER_IS_BETTER, base, cur), new Case("c", Direction.LOWER_IS_BETTER, base, cur));
        double raw = MannWhitney.pValue(base, cur).getAsDouble();
        assertEquals(0.00632, raw, 1e-4);

        Result alone = judge(Direction.LOWER_IS_BETTER, base, cur);
        assertEquals(Verdict.REGRESSED, alone.verdict(), alone.toString());

        List<Result> holm = PerformanceChange.evaluate(three, SETTINGS.withCorrection(Correction.HOLM));
        for (Result r : holm) {
            assertEquals(3 * raw, r.adjustedPValue().getAsDouble(), 1e-12);
            assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.toString());
            assertEquals(PerformanceChange.Finding.NOT_SIGNIFICANT, r.finding());
        }
        List<Result> bh = PerformanceChange.evaluate(three, SETTINGS.withCorrection(Correction.BENJAMINI_HOCHBERG));
        for (Result r : bh) {
            assertEquals(raw, r.adjustedPValue().getAsDouble(), 1e-12);
            assertEquals(Verdict.REGRESSED, r.verdict(), r.toString());
        }
    }

    @Test
    void adjustedPValuesFollowTheCorrectionInInputOrder() {
        List<Case> cases = List.of(
                new Case("slower", Direction.LOWER_IS_BETTER, typical(100, 11), typical(130, 12)),
                new Case("same", Direction.LOWER_IS_BETTER, typical(100, 13), typical(100, 14)),
                new Case("tiny", Direction.LOWER_IS_BETTER, Samples.of(new double[] {1, 2}), Samples.of(new double[] {1, 2})),
                new Case("faster", Direction.LOWER_IS_BETTER, typical(100, 15), typical(90, 16)));
        for (Correction c : Correction.values()) {
            List<Result> results = PerformanceChange.evaluate(cases, SETTINGS.withCorrection(c));
            double[] raw = {results.get(0).pValue().getAsDouble(), results.get(1).pValue().getAsDouble(),
                    results.get(3).pValue().getAsDouble()};
            double[] expected = c.adjust(raw);
            double[] actual = {results.get(0).adjustedPValue().getAsDouble(), results.get(1).adjustedPValue().getAsDouble(),
                    results.get(3).adjustedPValue().getAsDouble()};
            assertArrayEquals(expected, actual, 1e-15, c.name());
            assertTrue(results.get(2).adjustedPValue().isEmpty(), "no p, not in the family");
            assertEquals(List.of("slower", "same", "tiny", "faster"), results.stream().map(r -> r.input().name()).toList());
        }
    }

    @Test
    void aStraddlingIntervalIsInconclusiveWithAnEstimate() {
        // 5% slower with 3% noise: the CI straddles 1.05
        Result r = judge(Direction.LOWER_IS_BETTER, shots(100, 5, 10, 0.03, 0.03, 17), shots(105, 5, 10, 0.03, 0.03, 18));
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.toString());
        assertTrue(r.ratio().ci().contains(1.05), r.ratio().toString());
        assertEquals(PerformanceChange.Finding.STRADDLES_THRESHOLD, r.finding());
        r.shotsPerSideNeeded().ifPresent(n -> assertTrue(n > 50, "more than now: " + n));
    }

    @Test
    void resultsAreDeterministic() {
        Samples base = typical(100, 19);
        Samples cur = typical(104, 20);
        assertEquals(judge(Direction.LOWER_IS_BETTER, base, cur), judge(Direction.LOWER_IS_BETTER, base, cur));
    }

    @Test
    void rejectsBadInput() {
        Samples ok = typical(100, 21);
        assertMessage(() -> new Case(" ", Direction.LOWER_IS_BETTER, ok, ok), "name");
        assertMessage(() -> new Case("x", null, ok, ok), "direction");
        assertMessage(() -> new Case("x", Direction.LOWER_IS_BETTER, Samples.of(new double[] {1, 0}), ok),
                "x: baseline[0][1]: must be > 0");
        assertMessage(() -> new Settings(-0.1, 0.01, Correction.HOLM, 1000, 1), "threshold");
        assertMessage(() -> new Settings(0.05, 0, Correction.HOLM, 1000, 1), "alpha");
        assertMessage(() -> new Settings(0.05, 0.6, Correction.HOLM, 1000, 1), "alpha");
        assertMessage(() -> new Settings(0.05, 0.01, null, 1000, 1), "correction");
        assertMessage(() -> new Settings(0.05, 0.01, Correction.HOLM, 10, 1), "resamples");
        assertMessage(() -> PerformanceChange.evaluate(List.of(), SETTINGS), "cases");
        assertMessage(() -> PerformanceChange.evaluate(List.of(new Case("x", Direction.LOWER_IS_BETTER, ok, ok),
                new Case("x", Direction.LOWER_IS_BETTER, ok, ok)), SETTINGS), "cases");
    }

    static Samples singleShotForks(double... values) {
        List<double[]> forks = new ArrayList<>();
        for (double v : values) {
            forks.add(new double[] {v});
        }
        return Samples.ofArrays(forks);
    }

    @Test
    void correctionsParseFromTheirKeysAndNames() {
        assertEquals(Correction.HOLM, Correction.parse(" HOLM "));
        assertEquals(Correction.BENJAMINI_HOCHBERG, Correction.parse("bh"));
        assertEquals(Correction.BENJAMINI_HOCHBERG, Correction.parse("Benjamini-Hochberg"));
        for (Correction c : Correction.values()) {
            assertEquals(c, Correction.parse(c.key()));
        }
        assertEquals("Benjamini–Hochberg", Correction.BENJAMINI_HOCHBERG.displayName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Correction.parse("bonferroni"));
        assertTrue(e.getMessage().contains("'bonferroni' is not a correction; use holm or bh"), e.getMessage());
    }
}
