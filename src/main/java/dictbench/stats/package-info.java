/**
 * Statistics for dictbench results: pure functions over immutable, validated records.
 *
 * <p>What lives here:
 * <ul>
 *   <li>{@link dictbench.stats.Samples} – one benchmark+params' raw JMH data, a list of forks, each a
 *       list of per-iteration values (for SingleShotTime: seconds per shot);</li>
 *   <li>{@link dictbench.stats.Descriptive} – median, mean and quantiles of plain arrays;</li>
 *   <li>{@link dictbench.stats.Bootstrap} – the hierarchical percentile bootstrap (forks, then
 *       iterations within forks; Efron &amp; Tibshirani 1993) for any statistic of one, two or several
 *       index-aligned {@code Samples}, with {@link dictbench.stats.ConfidenceInterval} and
 *       {@link dictbench.stats.Estimate};</li>
 *   <li>{@link dictbench.stats.Summary} – n, median, mean, min, max and a CI of the median;</li>
 *   <li>{@link dictbench.stats.Speedup} – ratio of medians against the sequential baseline, with
 *       efficiency; {@link dictbench.stats.KarpFlatt} – experimentally determined serial fraction;</li>
 *   <li>{@link dictbench.stats.ScalingPoint}, {@link dictbench.stats.AmdahlFit} and
 *       {@link dictbench.stats.UslFit} – scalability models fitted over (threads, speedup) points;</li>
 *   <li>{@link dictbench.stats.Ceiling} – how close the best strategy comes to the I/O or decode
 *       bound; {@link dictbench.stats.OverheadDecomposition} – each cost component's share;</li>
 *   <li>{@link dictbench.stats.MannWhitney} and {@link dictbench.stats.MultipleComparisons} –
 *       regression-gate tests and p-value adjustment; {@link dictbench.stats.PerformanceChange} – whether a
 *       benchmark changed between two runs, as a verdict and its reason ({@code Finding}), with
 *       {@link dictbench.stats.ChangeSampleSize} – how many shots can or would decide it.</li>
 * </ul>
 *
 * <p>Rules for this package: no I/O, no printing, no sentences (the layer that renders writes those), no
 * clocks, no global state. Randomness comes only
 * from {@link java.util.SplittableRandom} seeded by a parameter, so every result is reproducible.
 * Records validate in their compact constructors and throw {@link IllegalArgumentException} naming
 * the parameter and its allowed range. A statistic that is undefined for its input is returned as
 * {@link java.util.OptionalDouble} / {@link java.util.Optional}, never as NaN.
 *
 * <p>Dependencies: this package may import only the JDK and Apache Commons Math 3
 * ({@code org.apache.commons.math3}); it must not import other {@code dictbench} packages, so it
 * can be tested and reused on its own.
 */
package dictbench.stats;
