package dictbench.stats;

/**
 * One point of a scaling curve: the speedup (or relative capacity) measured with a thread count.
 *
 * @param threads number of threads / workers N (or p), at least 1
 * @param speedup measured speedup relative to one thread or to the sequential baseline,
 *     dimensionless, finite and > 0
 */
public record ScalingPoint(int threads, double speedup) {

    /** @throws IllegalArgumentException if {@code threads < 1} or {@code speedup} is not finite and > 0 */
    public ScalingPoint {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        if (!(speedup > 0) || !Double.isFinite(speedup)) {
            throw new IllegalArgumentException("speedup: must be finite and > 0, got " + speedup);
        }
    }

    /** The point ({@link Speedup#threads()}, {@link Speedup#ratio()}). */
    public static ScalingPoint of(Speedup speedup) {
        return new ScalingPoint(speedup.threads(), speedup.ratio());
    }
}
