package dictbench.stats;

import java.util.OptionalDouble;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Two-sided Mann–Whitney U (Wilcoxon rank-sum) test for a shift between two sets of times (Mann &amp;
 * Whitney, Ann. Math. Statist. 18(1), 1947), via Commons Math's {@link MannWhitneyUTest}: the normal
 * approximation {@code z = (U_min − n₁n₂/2) / sqrt(n₁n₂(n₁+n₂+1)/12)}, {@code p = 2Φ(z)}, with average
 * ranks for ties, no tie correction of the variance and no continuity correction. The approximation is
 * rough below about 10 values per group and the test assumes independent observations.
 *
 * <p>Pooling iterations across forks ({@link #pValue(Samples, Samples)}) treats them as independent,
 * which overstates significance when forks differ systematically; {@link #forkMedianPValue} tests
 * fork medians instead, which is honest about fork-to-fork variation but needs more forks.
 */
public final class MannWhitney {

    /**
     * Minimum values per group: with 3 per group no arrangement reaches an exact two-sided p below 0.1,
     * so an asymptotic p-value would only mislead; 4 per group can reach 2/70 ≈ 0.029.
     */
    public static final int MIN_PER_GROUP = 4;

    private MannWhitney() {
    }

    /**
     * Two-sided p-value for a location shift between {@code a} and {@code b}.
     *
     * @param a finite values
     * @param b finite values
     * @return p in [0, 1]; empty if either group has fewer than {@link #MIN_PER_GROUP} values
     * @throws IllegalArgumentException if an array is null or holds a non-finite value
     */
    public static OptionalDouble pValue(double[] a, double[] b) {
        check(a, "a");
        check(b, "b");
        if (a.length < MIN_PER_GROUP || b.length < MIN_PER_GROUP) {
            return OptionalDouble.empty();
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        return OptionalDouble.of(Math.max(0.0, Math.min(1.0, p)));
    }

    /** {@link #pValue(double[], double[])} over all iterations of all forks, pooled. */
    public static OptionalDouble pValue(Samples a, Samples b) {
        return pValue(a.all(), b.all());
    }

    /** {@link #pValue(double[], double[])} over the per-fork medians (needs {@link #MIN_PER_GROUP} forks each). */
    public static OptionalDouble forkMedianPValue(Samples a, Samples b) {
        return pValue(a.forkMedians(), b.forkMedians());
    }

    private static void check(double[] values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + ": must be non-null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "]: must be finite, got " + values[i]);
            }
        }
    }
}
