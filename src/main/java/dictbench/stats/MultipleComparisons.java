package dictbench.stats;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for testing many benchmarks at once (a regression gate). Both methods return the
 * adjusted p-values in the order of the input, capped at 1 and monotone in the raw p-values (a smaller
 * raw p never gets a larger adjusted p); reject hypothesis i at level α when {@code adjusted[i] <= α}.
 * Ties in raw p get equal adjusted p. An empty input gives an empty output.
 */
public final class MultipleComparisons {

    private MultipleComparisons() {
    }

    /**
     * Holm's step-down adjustment, controlling the family-wise error rate under any dependence (Holm,
     * "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6(2), 1979): with
     * raw p sorted ascending {@code p(1) <= ... <= p(m)},
     * {@code adj(i) = min(1, max_{j<=i} (m − j + 1) p(j))}.
     *
     * @param p raw p-values, each in [0, 1]
     * @throws IllegalArgumentException if {@code p} is null or a value is NaN or outside [0, 1]
     */
    public static double[] holm(double[] p) {
        check(p);
        int m = p.length;
        int[] order = ascending(p);
        double[] adj = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1.0, (m - i) * p[order[i]]));
            adj[order[i]] = running;
        }
        return adj;
    }

    /**
     * Benjamini–Hochberg step-up adjustment, controlling the false discovery rate for independent or
     * positively dependent tests (Benjamini &amp; Hochberg, "Controlling the false discovery rate",
     * J. R. Statist. Soc. B 57(1), 1995): {@code adj(i) = min(1, min_{j>=i} m p(j) / j)}.
     *
     * @param p raw p-values, each in [0, 1]
     * @throws IllegalArgumentException if {@code p} is null or a value is NaN or outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] p) {
        check(p);
        int m = p.length;
        int[] order = ascending(p);
        double[] adj = new double[m];
        double running = 1.0;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, (double) m * p[order[i]] / (i + 1));
            adj[order[i]] = running;
        }
        return adj;
    }

    private static int[] ascending(double[] p) {
        return IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static void check(double[] p) {
        if (p == null) {
            throw new IllegalArgumentException("p: must be non-null");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p[" + i + "]: must be in [0, 1], got " + p[i]);
            }
        }
    }
}
