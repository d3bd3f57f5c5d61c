package dictbench.stats;

import java.util.Arrays;

/**
 * Descriptive statistics of plain arrays. All methods leave their argument unchanged and require a
 * non-empty array of finite values.
 */
public final class Descriptive {

    private Descriptive() {
    }

    /**
     * Sample median: the middle value, or the mean of the two middle values for an even count.
     *
     * @throws IllegalArgumentException if {@code values} is null, empty or holds a non-finite value
     */
    public static double median(double[] values) {
        double[] sorted = sortedCopy(values, "values");
        return medianOfSorted(sorted);
    }

    /**
     * Arithmetic mean.
     *
     * @throws IllegalArgumentException if {@code values} is null, empty or holds a non-finite value
     */
    public static double mean(double[] values) {
        check(values, "values");
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Smallest value. @throws IllegalArgumentException as {@link #mean} */
    public static double min(double[] values) {
        check(values, "values");
        double m = values[0];
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** Largest value. @throws IllegalArgumentException as {@link #mean} */
    public static double max(double[] values) {
        check(values, "values");
        double m = values[0];
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * Quantile of an ascending-sorted array by linear interpolation between order statistics
     * (Hyndman &amp; Fan 1996, definition 7: position {@code h = (n-1)q}, 0-based).
     *
     * @param sorted ascending, non-empty, finite (not re-checked for order)
     * @param q in [0, 1]
     * @throws IllegalArgumentException if {@code sorted} is empty or {@code q} is outside [0, 1]
     */
    public static double quantileOfSorted(double[] sorted, double q) {
        if (sorted == null || sorted.length == 0) {
            throw new IllegalArgumentException("sorted: must contain at least 1 value");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q: must be in [0, 1], got " + q);
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        int mid = n >>> 1;
        return (n & 1) == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /** Median that sorts {@code scratch} in place; for hot bootstrap loops over fresh arrays. */
    static double medianInPlace(double[] scratch) {
        Arrays.sort(scratch);
        return medianOfSorted(scratch);
    }

    private static double[] sortedCopy(double[] values, String name) {
        check(values, name);
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static void check(double[] values, String name) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + ": must contain at least 1 value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "]: must be finite, got " + values[i]);
            }
        }
    }
}
