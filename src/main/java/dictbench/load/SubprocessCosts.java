package dictbench.load;

/**
 * Where a subprocess load's time went, summed over its files: nanoseconds of work (which overlap
 * across children, so they can add up to more than the load) and the bytes shipped back.
 *
 * @param processStartNanos spawn: from {@code ProcessBuilder.start()} until the child's {@code main}
 *                          said hello; pool: 0 (the pool's start is outside the load)
 * @param childDecodeNanos  the child reading and decoding its file, as the child measured it
 * @param childEncodeNanos  the child re-encoding the map for shipping, not counting its writes to the pipe
 * @param transferNanos     the parent reading the blocks off the pipe, not counting its decoding; it
 *                          includes waiting for the child's encoder
 * @param parentDecodeNanos the parent decoding the blocks into its map
 * @param bytesShipped      the blocks' bytes
 * @param childPeakRssBytes a file's: its child's peak resident memory over it; a load's: the largest per lane
 *                          (a lane runs one child at a time), summed over the lanes; -1 where a child could not tell
 */
public record SubprocessCosts(long processStartNanos, long childDecodeNanos, long childEncodeNanos, long transferNanos,
                              long parentDecodeNanos, long bytesShipped, long childPeakRssBytes) {

    /** No file loaded yet. */
    public static final SubprocessCosts ZERO = new SubprocessCosts(0, 0, 0, 0, 0, 0, 0);

    public SubprocessCosts {
        requireNonNegative("processStartNanos", processStartNanos);
        requireNonNegative("childDecodeNanos", childDecodeNanos);
        requireNonNegative("childEncodeNanos", childEncodeNanos);
        requireNonNegative("transferNanos", transferNanos);
        requireNonNegative("parentDecodeNanos", parentDecodeNanos);
        requireNonNegative("bytesShipped", bytesShipped);
        if (childPeakRssBytes < -1) {
            throw new IllegalArgumentException("childPeakRssBytes must be >= -1 (-1: not measured), got " + childPeakRssBytes);
        }
    }

    /** Both costs added, component by component; the child peak is the larger (the load sets its own, see above). */
    public SubprocessCosts plus(SubprocessCosts other) {
        return new SubprocessCosts(processStartNanos + other.processStartNanos, childDecodeNanos + other.childDecodeNanos,
                childEncodeNanos + other.childEncodeNanos, transferNanos + other.transferNanos,
                parentDecodeNanos + other.parentDecodeNanos, bytesShipped + other.bytesShipped,
                Math.max(childPeakRssBytes, other.childPeakRssBytes));
    }

    /** These costs with the load's child peak. */
    public SubprocessCosts withChildPeakRssBytes(long bytes) {
        return new SubprocessCosts(processStartNanos, childDecodeNanos, childEncodeNanos, transferNanos, parentDecodeNanos,
                bytesShipped, bytes);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
