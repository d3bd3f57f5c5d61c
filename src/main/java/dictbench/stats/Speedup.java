package dictbench.stats;

/**
 * Speedup of a strategy over the sequential baseline, as a ratio of median times:
 * {@code S = median(T_baseline) / median(T_strategy)} (Amdahl 1967 defines speedup as the ratio of
 * sequential to parallel execution time; medians are used because load times are right-skewed).
 * The interval is a two-sample hierarchical percentile bootstrap ({@link Bootstrap#twoSample}): each
 * sample is resampled independently in every replicate. Efficiency is {@code E = S / p} with
 * {@code p = threads}; its interval is the speedup interval divided by {@code p}, exact for a
 * percentile interval since division by a constant is monotone.
 *
 * <p>The absolute times are kept beside the ratio so a report never shows a ratio without its scale.
 *
 * @param baselineMedian median time of the baseline, seconds (or the samples' unit), finite and > 0
 * @param strategyMedian median time of the strategy, same unit, finite and > 0
 * @param threads number of threads / workers p the strategy used, at least 1
 * @param ratio {@code baselineMedian / strategyMedian} (checked to within 1e-9 relative), dimensionless
 * @param ratioCi bootstrap interval of the ratio, non-null
 */
public record Speedup(double baselineMedian, double strategyMedian, int threads, double ratio,
                      ConfidenceInterval ratioCi) {

    /** @throws IllegalArgumentException if a value is outside the range documented above */
    public Speedup {
        positive(baselineMedian, "baselineMedian");
        positive(strategyMedian, "strategyMedian");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        double expected = baselineMedian / strategyMedian;
        if (!Double.isFinite(ratio) || Math.abs(ratio - expected) > 1e-9 * expected) {
            throw new IllegalArgumentException("ratio: must equal baselineMedian/strategyMedian = " + expected
                    + ", got " + ratio);
        }
        if (ratioCi == null) {
            throw new IllegalArgumentException("ratioCi: must be non-null");
        }
    }

    /** Speedup with the default bootstrap (B = 10 000, 99%, default seed). */
    public static Speedup of(Samples baseline, Samples strategy, int threads) {
        return of(baseline, strategy, threads, Bootstrap.Options.defaults());
    }

    /**
     * Speedup of {@code strategy} over {@code baseline}.
     *
     * @param baseline times of the sequential baseline, all > 0
     * @param strategy times of the strategy, same unit, all > 0
     * @param threads threads the strategy used, >= 1
     * @throws IllegalArgumentException if a time is {@code <= 0} or {@code threads < 1}
     */
    public static Speedup of(Samples baseline, Samples strategy, int threads, Bootstrap.Options options) {
        allPositive(baseline, "baseline");
        allPositive(strategy, "strategy");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        Estimate e = Bootstrap.twoSample(baseline, strategy,
                (b, s) -> Descriptive.medianInPlace(b) / Descriptive.medianInPlace(s), options);
        double baseMedian = Descriptive.median(baseline.all());
        double stratMedian = Descriptive.median(strategy.all());
        return new Speedup(baseMedian, stratMedian, threads, baseMedian / stratMedian, e.ci());
    }

    /** Parallel efficiency {@code S / p}, dimensionless (1 = perfect linear scaling). */
    public double efficiency() {
        return ratio / threads;
    }

    /** Interval of the efficiency: {@link #ratioCi()} divided by {@code threads}. */
    public ConfidenceInterval efficiencyCi() {
        return ratioCi.scale(1.0 / threads);
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite and > 0, got " + v);
        }
    }

    private static void allPositive(Samples s, String name) {
        for (double v : s.all()) {
            if (!(v > 0)) {
                throw new IllegalArgumentException(name + ": every time must be > 0, got " + v);
            }
        }
    }
}
