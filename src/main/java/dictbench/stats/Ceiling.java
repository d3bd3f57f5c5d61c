package dictbench.stats;

/**
 * How close the best strategy comes to the machine's limits for loading the dictionaries. Two lower
 * bounds on the load time, in seconds (any one time unit, used consistently):
 * <ul>
 *   <li>raw read: the bytes to load divided by the measured sequential read bandwidth (computed by
 *       the caller and passed in as a time);</li>
 *   <li>decode: the total single-core decode time divided by the number of cores, i.e. perfect
 *       parallel decoding.</li>
 * </ul>
 * The ceiling is the larger (tighter) bound, {@code max(rawRead, decode/cores)}: a roofline-style bound
 * (cf. Williams, Waterman &amp; Patterson, "Roofline", CACM 52(4), 2009). The percent of ceiling is
 * {@code ceiling / best × 100}; 100% means the strategy is as fast as the bound allows. It can exceed
 * 100% when a bound is not tight (e.g. reads overlapped with a warm page cache); it is not clamped.
 *
 * @param bestTime median time of the best strategy, finite and > 0
 * @param rawReadTime raw-read bound time, finite and > 0
 * @param singleCoreDecodeTime total decode time on one core, finite and > 0
 * @param cores cores available for decoding, at least 1
 */
public record Ceiling(double bestTime, double rawReadTime, double singleCoreDecodeTime, int cores) {

    /** Which bound sets the ceiling. */
    public enum Limit { RAW_READ, DECODE }

    /** @throws IllegalArgumentException if a time is not finite and > 0, or {@code cores < 1} */
    public Ceiling {
        positive(bestTime, "bestTime");
        positive(rawReadTime, "rawReadTime");
        positive(singleCoreDecodeTime, "singleCoreDecodeTime");
        if (cores < 1) {
            throw new IllegalArgumentException("cores: must be >= 1, got " + cores);
        }
    }

    /** Decode bound {@code singleCoreDecodeTime / cores}, seconds. */
    public double decodeBoundTime() {
        return singleCoreDecodeTime / cores;
    }

    /** Ceiling {@code max(rawReadTime, decodeBoundTime())}: the least achievable time, seconds. */
    public double ceilingTime() {
        return Math.max(rawReadTime, decodeBoundTime());
    }

    /** {@code ceilingTime() / bestTime × 100}, percent. */
    public double percentOfCeiling() {
        return ceilingTime() / bestTime * 100.0;
    }

    /** The bound that sets the ceiling (RAW_READ on a tie). */
    public Limit limit() {
        return rawReadTime >= decodeBoundTime() ? Limit.RAW_READ : Limit.DECODE;
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite and > 0, got " + v);
        }
    }
}
