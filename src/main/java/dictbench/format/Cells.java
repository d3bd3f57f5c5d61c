package dictbench.format;

import dictbench.stats.ConfidenceInterval;
import dictbench.stats.Estimate;
import dictbench.stats.Summary;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * How numbers appear in every table: a fixed number of significant digits, intervals in brackets,
 * and "n/a" for anything undefined, so no table ever shows NaN.
 */
public final class Cells {
    /** What an undefined statistic reads as. */
    public static final String NA = "n/a";

    private Cells() {
    }

    /** {@code n} with its noun, singular for one: {@code 1 fork}, {@code 2 forks}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Three significant digits, or whole numbers from 100 up; "n/a" unless finite. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return NA;
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    public static String number(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : NA;
    }

    /** {@code value [lower, upper]} with {@link #number} for each. */
    public static String interval(double value, ConfidenceInterval ci) {
        return number(value) + " [" + number(ci.lower()) + ", " + number(ci.upper()) + "]";
    }

    public static String interval(Estimate e) {
        return interval(e.value(), e.ci());
    }

    /** A time in its unit: {@code 494 ms [450, 534]}. */
    public static String time(double median, ConfidenceInterval ci, String unit) {
        String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return number(median) + " " + u + " [" + number(ci.lower()) + ", " + number(ci.upper()) + "]";
    }

    /** A summary's median with its interval, in {@code unit}: {@code 494 ms [450, 534]}. */
    public static String time(Summary s, String unit) {
        return time(s.median(), s.medianCi(), unit);
    }

    /** A ratio: {@code 1.93x [1.80, 2.05]}. */
    public static String ratio(double value, ConfidenceInterval ci) {
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", value, ci.lower(), ci.upper());
    }

    /** A dimensionless estimate: {@code 0.93 [0.88, 0.97]}. */
    public static String decimal(Estimate e) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.value(), e.ci().lower(), e.ci().upper());
    }

    /** A share as percent: {@code 41.2% [39.0, 43.1]}. */
    public static String percent(Estimate share) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * share.value(), 100 * share.ci().lower(), 100 * share.ci().upper());
    }

    public static <T> String optional(Optional<T> value, Function<T, String> format) {
        return value.map(format).orElse(NA);
    }
}
