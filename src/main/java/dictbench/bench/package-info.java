/**
 * The JMH adapters: one {@code <Strategy>LoadBenchmark} class per strategy, and the two baselines
 * {@link dictbench.bench.RawReadBenchmark} (the I/O bound) and {@link dictbench.bench.DecodeBenchmark}
 * (the CPU bound). Thin: parameters, page-cache control, validation outside the timed region. The
 * work itself lives in {@code dictbench.load}. Every shot also records the machine's CPU time
 * ({@code os.MachineCpu}, through {@link dictbench.bench.ShotCounters}).
 *
 * <p>May import {@code load}, {@code dataset}, {@code cache} and {@code os}.
 */
package dictbench.bench;
