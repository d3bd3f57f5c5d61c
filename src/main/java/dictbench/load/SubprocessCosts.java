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
 */
public record SubprocessCosts(long processStartNanos, long childDecodeNanos, long childEncodeNanos, long transferNanos,
                              long parentDecodeNanos, long bytesShipped) {

    /** No file loaded yet. */
    public static final SubprocessCosts ZERO = new SubprocessCosts(0, 0, 0, 0, 0, 0);

    public SubprocessCosts {
        requireNonNegative("processStartNanos", processStartNanos);
        requireNonNegative("childDecodeNanos", childDecodeNanos);
        requireNonNegative("childEncodeNanos", childEncodeNanos);
        requireNonNegative("transferNanos", transferNanos);
        requireNonNegative("parentDecodeNanos", parentDecodeNanos);
        requireNonNegative("bytesShipped", bytesShipped);
    }

    /** Both costs added, component by component. */
    public SubprocessCosts plus(SubprocessCosts other) {
        return new SubprocessCosts(processStartNanos + other.processStartNanos, childDecodeNanos + other.childDecodeNanos,
                childEncodeNanos + other.childEncodeNanos, transferNanos + other.transferNanos,
                parentDecodeNanos + other.parentDecodeNanos, bytesShipped + other.bytesShipped);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
