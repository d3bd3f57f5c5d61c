package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** Resamples used by the coverage simulation; the production default is 10 000. */
    static final int COVERAGE_RESAMPLES = 2_000;
    static final int DATASETS = 100;
    static final int MIN_COVERED = 97;
    static final int FORKS = 5;
    static final int ITERATIONS = 10;
    static final double TRUE_MEDIAN = 0.25;
    /** Log-scale standard deviations: fork-to-fork offset and within-fork noise. */
    static final double FORK_SD = 0.03;
    static final double ITERATION_SD = 0.10;

    /**
     * Values {@code TRUE_MEDIAN · exp(F + e)}, with fork offset F ~ N(0, FORK_SD²) and noise
     * e ~ N(0, ITERATION_SD²): log-symmetric, so the population median is TRUE_MEDIAN.
     */
    static Samples lognormalForks(long seed, int forks, int iterations, double median) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] data = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double offset = FORK_SD * gaussian(rng);
            for (int i = 0; i < iterations; i++) {
                data[f][i] = median * Math.exp(offset + ITERATION_SD * gaussian(rng));
            }
        }
        return Samples.of(data);
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void ninetyNinePercentIntervalOfMedianCoversTrueMedian() {
        int covered = 0;
        for (int d = 0; d < DATASETS; d++) {
            Samples s = lognormalForks(1_000 + d, FORKS, ITERATIONS, TRUE_MEDIAN);
            Bootstrap.Options options = new Bootstrap.Options(COVERAGE_RESAMPLES, d, 0.99);
            if (Summary.of(s, options).medianCi().contains(TRUE_MEDIAN)) {
                covered++;
            }
        }
        assertTrue(covered >= MIN_COVERED, "99% interval covered the true median in " + covered + "/" + DATASETS);
    }

    @Test
    void intervalsAreNotTrivial() {
        // Guards the coverage test: an interval wide enough to contain everything would also "cover".
        Samples s = lognormalForks(7, FORKS, ITERATIONS, TRUE_MEDIAN);
        ConfidenceInterval ci = Summary.of(s, Bootstrap.Options.defaults().withResamples(COVERAGE_RESAMPLES)).medianCi();
        assertTrue(ci.width() < 0.2 * TRUE_MEDIAN, "width " + ci.width());
        assertTrue(ci.width() > 0, "width " + ci.width());
        assertTrue(ci.lower() > Descriptive.min(s.all()) && ci.upper() < Descriptive.max(s.all()));
    }

    @Test
    void deterministicGivenSeed() {
        Samples s = lognormalForks(3, FORKS, ITERATIONS, TRUE_MEDIAN);
        Bootstrap.Options options = Bootstrap.Options.defaults().withResamples(1_000);
        double[] a = Bootstrap.replicates(s, Descriptive::median, 1_000, 42);
        double[] b = Bootstrap.replicates(s, Descriptive::median, 1_000, 42);
        double[] c = Bootstrap.replicates(s, Descriptive::median, 1_000, 43);
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
        assertEquals(Bootstrap.oneSample(s, Descriptive::median, options),
                Bootstrap.oneSample(s, Descriptive::median, options));
    }

    @Test
    void resamplesForksThenIterationsWithinForks() {
        // Forks of constant, distinct values: a hierarchical resample is FORKS blocks of ITERATIONS
        // equal values; an iteration-level (pooled) resample would mix values within a block.
        double[][] data = new double[4][3];
        for (int f = 0; f < 4; f++) {
            Arrays.fill(data[f], f + 1);
        }
        Samples s = Samples.of(data);
        SplittableRandom rng = new SplittableRandom(1);
        boolean sawRepeatedFork = false;
        for (int r = 0; r < 200; r++) {
            double[] x = Bootstrap.resample(s, rng);
            assertEquals(12, x.length);
            for (int block = 0; block < 4; block++) {
                for (int i = 1; i < 3; i++) {
                    assertEquals(x[block * 3], x[block * 3 + i], "block " + block + " mixes forks");
                }
            }
            long distinct = Arrays.stream(x).distinct().count();
            sawRepeatedFork |= distinct < 4;
        }
        assertTrue(sawRepeatedFork, "forks must be drawn with replacement");
    }

    @Test
    void resamplesWithinForksWithReplacement() {
        Samples s = Samples.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        SplittableRandom rng = new SplittableRandom(5);
        boolean sawDuplicate = false;
        for (int r = 0; r < 50; r++) {
            double[] x = Bootstrap.resample(s, rng);
            for (double v : x) {
                assertTrue(v >= 1 && v <= 8 && v == Math.rint(v));
            }
            sawDuplicate |= Arrays.stream(x).distinct().count() < x.length;
        }
        assertTrue(sawDuplicate);
    }

    @Test
    void percentileIntervalUsesInterpolatedQuantiles() {
        double[] reps = new double[101];
        for (int i = 0; i < reps.length; i++) {
            reps[100 - i] = i;   // unsorted on purpose
        }
        ConfidenceInterval ci = Bootstrap.percentileInterval(reps, 0.90);
        assertEquals(5.0, ci.lower(), 1e-12);
        assertEquals(95.0, ci.upper(), 1e-12);
        ConfidenceInterval ci99 = Bootstrap.percentileInterval(reps, 0.99);
        assertEquals(0.5, ci99.lower(), 1e-12);
        assertEquals(99.5, ci99.upper(), 1e-12);
        assertEquals(0.0, reps[100]);
    }

    @Test
    void twoSampleResamplesEachIndependently() {
        Samples a = Samples.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Samples b = Samples.of(new double[] {10, 20}, new double[] {30, 40}, new double[] {50, 60});
        double[] reps = Bootstrap.replicates(a, b, (x, y) -> x.length * 100 + y.length, 1_000, 1);
        for (double r : reps) {
            assertEquals(606.0, r);
        }
        Estimate e = Bootstrap.twoSample(a, b, (x, y) -> Descriptive.mean(y) - Descriptive.mean(x),
                Bootstrap.Options.defaults().withResamples(2_000));
        assertEquals(31.5, e.value(), 1e-12);
        assertTrue(e.ci().contains(31.5));
    }

    @Test
    void alignedReplicatesUseTheSameIndicesForEverySample() {
        Samples a = Samples.of(new double[] {1, 2, 3}, new double[] {4, 5});
        Samples b = Samples.of(new double[] {10, 20, 30}, new double[] {40, 50});
        double[][] reps = Bootstrap.alignedReplicates(List.of(a, b),
                x -> new double[] {Descriptive.mean(x[0]), Descriptive.mean(x[1])}, 500, 9);
        for (double[] r : reps) {
            assertEquals(10 * r[0], r[1], 1e-9);
        }
        assertMessage(() -> Bootstrap.alignedReplicates(List.of(a, Samples.of(new double[] {1, 2, 3, 4, 5})),
                x -> new double[] {0}, 10, 1), "aligned[1]");
    }

    @Test
    void rejectsBadOptionsAndStatistics() {
        assertMessage(() -> new Bootstrap.Options(Bootstrap.MIN_RESAMPLES - 1, 1, 0.99), "resamples");
        assertMessage(() -> new Bootstrap.Options(Bootstrap.DEFAULT_RESAMPLES, 1, 1.0), "confidence");
        assertMessage(() -> new Bootstrap.Options(Bootstrap.DEFAULT_RESAMPLES, 1, Double.NaN), "confidence");
        Samples s = Samples.of(new double[] {1, 2});
        assertMessage(() -> Bootstrap.oneSample(s, x -> Double.NaN, Bootstrap.Options.defaults()), "statistic");
        assertMessage(() -> Bootstrap.percentileInterval(new double[0], 0.9), "replicates");
        assertMessage(() -> new ConfidenceInterval(2, 1, 0.9), "lower");
        assertMessage(() -> new ConfidenceInterval(Double.NaN, 1, 0.9), "lower");
        assertMessage(() -> new ConfidenceInterval(0, 1, 0), "confidence");
        assertMessage(() -> new Estimate(Double.POSITIVE_INFINITY, new ConfidenceInterval(0, 1, 0.9)), "value");
    }
}
