package dictbench.stats;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many shots the regression gate ({@link PerformanceChange}) needs: the rules behind its
 * {@link PerformanceChange.Verdict#INCONCLUSIVE} verdicts.
 *
 * <p><b>Minimum size (exact for the test the gate uses).</b> {@link MannWhitney} uses the normal
 * approximation {@code z = (U − n₁n₂/2) / sqrt(n₁n₂(n₁+n₂+1)/12)}, {@code p = 2Φ(−|z|)} (Mann &amp; Whitney
 * 1947). The most extreme outcome, a complete separation ({@code U = 0}), gives
 * {@code z = −sqrt(3n₁n₂/(n₁+n₂+1))}: no data with fewer shots can reach a smaller p. A benchmark is
 * <em>decidable</em> when that smallest p is below {@code α/m} ({@code m} benchmarks compared) and each side
 * has at least {@link MannWhitney#MIN_PER_GROUP} shots. {@code α/m} is the Bonferroni level: a raw p below it
 * is rejected by Holm and by Benjamini–Hochberg whatever the other benchmarks show, since both adjust a p by
 * at most a factor {@code m}. With {@code α = 0.01}: 5 shots a side for one benchmark, 7 for five, 8 for ten.
 *
 * <p><b>Precision estimate (rough).</b> When a decidable benchmark's interval straddles the threshold, or
 * clears it without significance, {@link #shotsToDecide} scales the shots by {@code f²}, where {@code f} is how
 * much narrower the interval would have to be (on a log scale, measured from the point estimate to the bound
 * it must clear) and how much larger the test's z would have to be; both grow as {@code √n} for independent
 * shots. Fork-to-fork variation shrinks only with more forks, so the estimate is a floor when forks differ.
 */
public final class ChangeSampleSize {

    /** The largest growth of the shots that {@link #shotsToDecide} reports; beyond it, "too close to call". */
    public static final int MAX_GROWTH = 100;

    /** Beyond any real run; guards the search of {@link #minimumPerSide} against absurd levels. */
    private static final int MAX_SHOTS = 1_000_000;

    private static final NormalDistribution STANDARD_NORMAL =
            new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private ChangeSampleSize() {
    }

    /**
     * Smallest two-sided p that {@link MannWhitney#pValue(double[], double[])} can return for groups of
     * {@code n1} and {@code n2} values: the complete separation, {@code 2Φ(−sqrt(3 n1 n2 / (n1 + n2 + 1)))}.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public static double smallestPValue(int n1, int n2) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("n1, n2: must be >= 1, got " + n1 + ", " + n2);
        }
        double z = -Math.sqrt(3.0 * n1 * n2 / (n1 + n2 + 1.0));
        return 2 * STANDARD_NORMAL.cumulativeProbability(z);
    }

    /**
     * True when groups of these sizes could give a significant result: both have at least
     * {@link MannWhitney#MIN_PER_GROUP} values and {@link #smallestPValue} is below {@code alpha / comparisons}.
     *
     * @throws IllegalArgumentException if alpha is outside (0, 1) or comparisons below 1
     */
    public static boolean attainable(int nBaseline, int nCurrent, double alpha, int comparisons) {
        check(alpha, comparisons);
        return nBaseline >= MannWhitney.MIN_PER_GROUP && nCurrent >= MannWhitney.MIN_PER_GROUP
                && smallestPValue(nBaseline, nCurrent) < alpha / comparisons;
    }

    /**
     * The fewest shots per side (equal sides) for which {@link #attainable} holds.
     *
     * @throws IllegalArgumentException if alpha is outside (0, 1) or comparisons below 1
     */
    public static int minimumPerSide(double alpha, int comparisons) {
        check(alpha, comparisons);
        for (int n = MannWhitney.MIN_PER_GROUP; n <= MAX_SHOTS; n++) {
            if (attainable(n, n, alpha, comparisons)) {
                return n;
            }
        }
        throw new IllegalArgumentException("alpha / comparisons: " + alpha + " / " + comparisons
                + " needs more than " + MAX_SHOTS + " shots a side");
    }

    /**
     * Rough shots per side that would likely turn an undecided comparison into a verdict.
     *
     * @param slowdown slowdown ({@code > 1} worse) with its interval, all positive
     * @param threshold practical threshold t, {@code >= 0}
     * @param adjustedP the corrected p-value, if any
     * @param alpha level the corrected p must fall below
     * @param shotsPerSide shots per side now (the mean of the two sides), {@code >= 1}
     * @return the estimated shots per side, more than now; empty when more than {@link #MAX_GROWTH} times
     *     the shots would be needed or the estimate sits exactly on a bound
     */
    public static OptionalInt shotsToDecide(Estimate slowdown, double threshold, OptionalDouble adjustedP,
                                            double alpha, double shotsPerSide) {
        if (!(shotsPerSide >= 1)) {
            throw new IllegalArgumentException("shotsPerSide: must be >= 1, got " + shotsPerSide);
        }
        double e = Math.log(slowdown.value());
        double lo = Math.log(slowdown.ci().lower());
        double hi = Math.log(slowdown.ci().upper());
        double u = Math.log1p(threshold);
        double f;
        if (e > u) {
            f = Math.max(shrink(e - lo, e - u), zGrowth(adjustedP, alpha));
        } else if (e < -u) {
            f = Math.max(shrink(hi - e, -u - e), zGrowth(adjustedP, alpha));
        } else {
            f = Math.max(shrink(hi - e, u - e), shrink(e - lo, e + u));
        }
        double growth = Math.max(1, f * f);
        if (!(growth <= MAX_GROWTH)) {
            return OptionalInt.empty();
        }
        long shots = Math.max((long) Math.ceil(shotsPerSide * growth), (long) Math.floor(shotsPerSide) + 1);
        return OptionalInt.of((int) Math.min(shots, Integer.MAX_VALUE));
    }

    /** How many times narrower a half-width must get to fit in {@code room}; infinite when there is none. */
    private static double shrink(double halfWidth, double room) {
        if (halfWidth <= 0) {
            return 0;
        }
        return room > 0 ? halfWidth / room : Double.POSITIVE_INFINITY;
    }

    /** How many times larger z must get for the adjusted p to fall below alpha (1 if it already has). */
    private static double zGrowth(OptionalDouble adjustedP, double alpha) {
        if (adjustedP.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double p = adjustedP.getAsDouble();
        if (p < alpha) {
            return 1;
        }
        double observed = STANDARD_NORMAL.inverseCumulativeProbability(1 - p / 2);
        double needed = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        return observed > 0 ? needed / observed : Double.POSITIVE_INFINITY;
    }

    private static void check(double alpha, int comparisons) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha: must be in (0, 1), got " + alpha);
        }
        if (comparisons < 1) {
            throw new IllegalArgumentException("comparisons: must be >= 1, got " + comparisons);
        }
    }
}
