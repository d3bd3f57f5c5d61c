package dictbench.gate;

import dictbench.stats.ChangeSampleSize;
import dictbench.stats.Estimate;
import dictbench.stats.PerformanceChange.Direction;
import dictbench.stats.PerformanceChange.Result;
import dictbench.stats.PerformanceChange.Settings;
import dictbench.stats.PerformanceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate's words: a {@link Result}'s change and the reason for its verdict as one sentence, and how the
 * gate writes a setting or a p-value. {@code stats.PerformanceChange} decides; this says why.
 */
public final class Sentences {

    private Sentences() {
    }

    /** Why a result has its verdict, in one sentence, e.g. "time +20.0% (worse): the 99% CI of the slowdown … lies above …". */
    public static String reason(Result r, Settings s) {
        Estimate slowdown = r.slowdown();
        int nb = r.input().baseline().size();
        int nc = r.input().current().size();
        String change = change(r);
        String ci = String.format(Locale.ROOT, "the %s%% CI of the slowdown [%.3f, %.3f]",
                number(100 * s.confidence()), slowdown.ci().lower(), slowdown.ci().upper());
        String threshold = percent(s.threshold());
        String p = "adjusted p = " + r.adjustedPValue().stream().mapToObj(Sentences::number).findFirst().orElse("n/a");
        return switch (r.finding()) {
            case TOO_FEW_SAMPLES -> "too few samples: " + String.join("; ", tooFew(r, s));
            case ABOVE_THRESHOLD -> change + ": " + ci + " lies above the " + threshold + " threshold and " + p + " < " + number(s.alpha());
            case BELOW_THRESHOLD -> change + ": " + ci + " lies below the " + threshold + " threshold and " + p + " < " + number(s.alpha());
            case WITHIN_THRESHOLD -> change + ": " + ci + " lies within ±" + threshold;
            case NOT_SIGNIFICANT, STRADDLES_THRESHOLD -> change + ": "
                    + (r.finding() == PerformanceChange.Finding.NOT_SIGNIFICANT
                            ? ci + " clears the " + threshold + " threshold but " + p + " is not below " + number(s.alpha())
                            : ci + " straddles the ±" + threshold + " threshold")
                    + "; " + (r.shotsPerSideNeeded().isPresent()
                            ? String.format(Locale.ROOT, "about %d shots a side (now %d and %d) would likely decide it, "
                                    + "if the interval narrows as 1/√n (add forks, not only shots)", r.shotsPerSideNeeded().getAsInt(), nb, nc)
                            : "the change is too close to the threshold to decide with up to "
                                    + ChangeSampleSize.MAX_GROWTH + "× the shots");
        };
    }

    private static List<String> tooFew(Result r, Settings s) {
        List<String> tooFew = new ArrayList<>();
        if (r.tooFewForks()) {
            tooFew.add(String.format(Locale.ROOT,
                    "needs at least %d forks a side to see JVM-to-JVM variation (baseline has %d, current %d)",
                    PerformanceChange.MIN_FORKS, r.input().baseline().forkCount(), r.input().current().forkCount()));
        }
        if (r.tooFewShots()) {
            int n = r.shotsPerSideNeeded().getAsInt();
            int nb = r.input().baseline().size();
            int nc = r.input().current().size();
            List<String> more = new ArrayList<>();
            if (nb < n) {
                more.add((n - nb) + " more baseline");
            }
            if (nc < n) {
                more.add((n - nc) + " more current");
            }
            tooFew.add(String.format(Locale.ROOT,
                    "needs %s shots: with %d and %d even a complete separation cannot reach p < %s over %d "
                            + "benchmark(s); %d a side can",
                    String.join(" and ", more), nb, nc, number(s.alpha()), r.comparisons(), n));
        }
        return tooFew;
    }

    /** The change in words: "time +20.0% (worse)", "throughput +8.0% (better)", "time ±0.0%". */
    public static String change(Result r) {
        return change(r.input().direction(), r.ratio().value());
    }

    static String change(Direction d, double ratio) {
        String what = d == Direction.LOWER_IS_BETTER ? "time" : "throughput";
        if (Math.abs(ratio - 1) < 0.0005) {
            return what + " ±0.0%";
        }
        return String.format(Locale.ROOT, "%s %+.1f%% (%s)", what, (ratio - 1) * 100,
                d.slowdown(ratio) > 1 ? "worse" : "better");
    }

    private static String percent(double fraction) {
        return number(100 * fraction) + "%";
    }

    /**
     * How the gate writes a setting or a p-value: up to four significant digits without trailing zeros
     * ({@code 5}, {@code 0.01}, {@code 99}), scientific below 1e-4 ({@code 2.0e-05}).
     */
    public static String number(double v) {
        if (v != 0 && Math.abs(v) < 1e-4) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
