/**
 * The JMH adapters: one {@code <Strategy>LoadBenchmark} class per strategy, and the baselines
 * {@link dictbench.bench.RawReadBenchmark} (the I/O bound), {@link dictbench.bench.DecodeBenchmark}
 * (the CPU bound) and {@code OverlapBoundBenchmark}. Thin: parameters, page-cache control, validation
 * outside the timed region. The work itself lives in {@code dictbench.load}. Every shot records the
 * machine's CPU time ({@code os.MachineCpu}, through {@link dictbench.bench.ShotCounters}); every load its
 * memory ({@link dictbench.bench.MemoryCounters}: collector pauses, allocation, retained heap, resident
 * memory). {@link dictbench.bench.ForkHeap} makes each heap profile's fork flags and checks, in the fork,
 * that its JVM is the one its {@code heap} and {@code jvm} params claim.
 *
 * <p>May import {@code load}, {@code dataset}, {@code cache}, {@code os} and {@code run}.
 */
package dictbench.bench;
